// The inbox's left pane and what every inbox page shares: the lists pushed over a WebSocket
// ({queue, mine, others, now}), the alert when a conversation becomes the agent's (badge,
// page title, a sound if the agent turned it on), Alt+Up/Down between conversations, and the
// tabs that switch panes on a phone.
"use strict";

const WORDS = JSON.parse(document.getElementById("console-words").textContent);
const csrf = document.querySelector('meta[name="csrf-token"]').content;
const staffId = document.querySelector('meta[name="staff-id"]').content;
const panes = document.getElementById("panes");
const openCase = panes.dataset.case; // "" when no conversation is open
const lists = {
  queue: [document.getElementById("queue"), document.getElementById("empty")],
  mine: [document.getElementById("mine"), document.getElementById("none-mine")],
  others: [document.getElementById("others"), document.getElementById("none-others")],
};
const statusLine = document.getElementById("status");
const notice = document.getElementById("notice");
const badges = [document.getElementById("mine-badge"), document.getElementById("tab-badge")];
const sound = document.getElementById("sound");
const baseTitle = document.title;
const SEEN = `jifen-console-seen-${staffId}`;
const SOUND = "jifen-console-sound";
let clockOffset = 0; // server time minus browser time, in seconds
const rung = new Set(); // conversations the bell already rang for in this page

function say(key, values) {
  return (WORDS[key] || key).replace(/\{(\w+)\}/g, (_, name) => String((values || {})[name]));
}

function el(tag, attributes, text) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function waited(since) {
  const seconds = Math.max(0, Math.round(Date.now() / 1000 + clockOffset - since));
  const minutes = Math.floor(seconds / 60);
  const time = minutes
    ? say("minutes-seconds", { minutes, seconds: seconds % 60 })
    : say("seconds", { seconds });
  return say("waited", { time });
}

// -- the lists --------------------------------------------------------------------------

function entryItem(entry, kind) {
  const item = el("li", { "data-id": entry.id, class: "case" });
  if (String(entry.id) === openCase) item.setAttribute("aria-current", "true");
  const open = el("a", { class: "open", href: `/console/conversations/${entry.id}` });
  open.append(
    el("strong", {}, `#${entry.id}`),
    el("span", { class: "channel" }, entry.channel_words),
    el("span", { class: "reason" }, entry.reason_words),
  );
  if (kind === "others") open.append(el("span", { class: "agent" }, say("held-by", { agent: entry.agent })));
  const head = el("div", { class: "head" });
  head.append(open, el("span", { class: "waited", "data-since": entry.since }, waited(entry.since)));
  if (kind === "queue") {
    const claim = el("button", { type: "button", class: "claim", "data-id": entry.id }, say("claim"));
    claim.addEventListener("click", () => claimCase(entry.id, claim));
    head.append(claim);
  }
  item.append(head);
  const facts = el("p", { class: "answers" });
  facts.append(el("span", { class: "score" }, entry.score_words));
  if (entry.answers_words) facts.append(" · ", entry.answers_words);
  item.append(facts);
  if (entry.last_message) item.append(el("p", { class: "said" }, say("user-said", { text: entry.last_message })));
  return item;
}

function render(data) {
  for (const [kind, [list, empty]] of Object.entries(lists)) {
    list.replaceChildren(...data[kind].map((entry) => entryItem(entry, kind)));
    empty.hidden = data[kind].length > 0;
  }
  alertNew(data.mine.map((entry) => String(entry.id)));
}

async function claimCase(id, button) {
  button.disabled = true;
  const response = await fetch(`/console/api/handoffs/${id}/claim`, {
    method: "POST",
    headers: { "X-CSRF-Token": csrf },
    credentials: "same-origin",
  });
  if (response.ok) {
    window.location.assign((await response.json()).url);
    return;
  }
  if (response.status === 401) {
    window.location.assign("/console/login");
    return;
  }
  notice.textContent = say("taken", { id });
  notice.className = "taken";
  const item = lists.queue[0].querySelector(`li[data-id="${id}"]`);
  if (item) item.remove();
  lists.queue[1].hidden = lists.queue[0].children.length > 0;
}

document.querySelectorAll("#claim-case").forEach((button) => {
  button.addEventListener("click", () => claimCase(button.dataset.id, button));
});

// -- the alert: a conversation that became mine and that I have not opened yet ---------------

function seenIds() {
  const stored = localStorage.getItem(SEEN);
  return stored === null ? null : new Set(JSON.parse(stored));
}

function alertNew(mine) {
  let seen = seenIds();
  if (seen === null) seen = new Set(mine); // what I held when I logged in is not news
  seen = new Set([...seen].filter((id) => mine.includes(id)));
  if (openCase) seen.add(openCase);
  localStorage.setItem(SEEN, JSON.stringify([...seen]));
  const fresh = mine.filter((id) => !seen.has(id));
  for (const badge of badges) {
    badge.hidden = fresh.length === 0;
    badge.textContent = String(fresh.length);
  }
  document.title = fresh.length ? `(${fresh.length}) ${baseTitle}` : baseTitle;
  fresh.forEach((id) => {
    const item = lists.mine[0].querySelector(`li[data-id="${id}"]`);
    if (item) item.classList.add("fresh");
  });
  const unrung = fresh.filter((id) => !rung.has(id));
  unrung.forEach((id) => rung.add(id));
  if (unrung.length && sound.checked) ring();
}

function ring() {
  // A short tone made here (no sound file to fetch); counted for the tests.
  document.body.dataset.rings = String(Number(document.body.dataset.rings || 0) + 1);
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.2);
  } catch (error) {
    // no audio here: the badge and the title still tell
  }
}

sound.checked = localStorage.getItem(SOUND) === "on";
sound.addEventListener("change", () => localStorage.setItem(SOUND, sound.checked ? "on" : "off"));

// -- moving around: Alt+Up/Down between conversations, tabs between panes on a phone --------

document.addEventListener("keydown", (event) => {
  if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
  const links = [...document.querySelectorAll("#queue-pane li.case a.open")];
  if (!links.length) return;
  event.preventDefault();
  const here = links.findIndex((link) => link.closest("li").dataset.id === openCase);
  const step = event.key === "ArrowDown" ? 1 : -1;
  let next = here === -1 ? (step > 0 ? 0 : links.length - 1) : here + step;
  next = Math.max(0, Math.min(links.length - 1, next));
  if (next !== here) window.location.assign(links[next].href);
});

document.querySelectorAll(".tabs button").forEach((tab) => {
  tab.setAttribute("aria-selected", String(tab.dataset.pane === panes.dataset.show));
  tab.addEventListener("click", () => {
    panes.dataset.show = tab.dataset.pane;
    document.querySelectorAll(".tabs button").forEach((other) => {
      other.setAttribute("aria-selected", String(other === tab));
    });
  });
});

// -- the connection ---------------------------------------------------------------------

function connect() {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${window.location.host}/console/ws`);
  socket.addEventListener("open", () => {
    statusLine.textContent = say("connected");
  });
  socket.addEventListener("message", (event) => {
    const data = JSON.parse(event.data);
    clockOffset = data.now - Date.now() / 1000;
    render(data);
  });
  socket.addEventListener("close", (event) => {
    if (event.code === 4001) {
      window.location.assign("/console/login");
      return;
    }
    statusLine.textContent = say("reconnecting");
    setTimeout(connect, 2000);
  });
}

setInterval(() => {
  document.querySelectorAll(".waited").forEach((node) => {
    node.textContent = waited(Number(node.dataset.since));
  });
}, 1000);

connect();
