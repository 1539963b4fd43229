"use strict";
// The web chat page: everything it shows is text (textContent, never innerHTML).

const UI = {
  "zh-CN": {
    title: "上海居住证积分助手", placeholder: "输入回答或问题…", send: "发送",
    error: "出错了，请再试一次。", offline: "网络不通，请稍后再试。", staff: "客服",
    item: "项目", points: "分值", note: "说明", more: "下一步和材料清单（点开查看）",
  },
  en: {
    title: "Shanghai Residence Permit points assistant", placeholder: "Type an answer or a question…",
    send: "Send", error: "Something went wrong, please try again.",
    offline: "Network problem, please try again.", staff: "Staff",
    item: "Item", points: "Points", note: "Note", more: "Next steps and materials (tap to open)",
  },
};

const log = document.getElementById("log");
const form = document.getElementById("form");
const input = document.getElementById("text");
const header = document.querySelector("header");
const sendButton = document.getElementById("send");
let locale = browserLocale();

function browserLocale() {
  for (const language of navigator.languages || [navigator.language || ""]) {
    if (language.toLowerCase().startsWith("zh")) return "zh-CN";
    if (language.toLowerCase().startsWith("en")) return "en";
  }
  return "zh-CN";
}

function setLocale(next) {
  if (!UI[next]) return;
  locale = next;
  const ui = UI[locale];
  document.documentElement.lang = locale;
  document.title = ui.title + " · jifen-bot";
  header.textContent = ui.title;
  input.placeholder = ui.placeholder;
  sendButton.textContent = ui.send;
}

function userKey() {
  let key = localStorage.getItem("jifen-user");
  if (!key) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    key = "w" + Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
    localStorage.setItem("jifen-user", key);
  }
  return key;
}

function keyHeader() {
  return {"X-Jifen-User": userKey()};  // a header, not the URL: it stays out of logs
}

function messageId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
}

function element(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function bubble(text, cls) {
  const div = element("div", "msg " + cls, text);
  log.appendChild(div);
  return div;
}

function scoreCard(data) {
  // The total and the gap first, then the items as a table; the fine print last.
  const ui = UI[locale];
  const card = element("div", "score");
  card.appendChild(element("div", "score-title", data.title));
  card.appendChild(element("div", "score-total", data.total));
  if (data.verdict) card.appendChild(element("div", "score-verdict", data.verdict));
  const table = element("table");
  const head = table.createTHead().insertRow();
  for (const name of [ui.item, ui.points, ui.note]) head.appendChild(element("th", "", name));
  const body = table.createTBody();
  for (const item of data.items) {
    const row = body.insertRow();
    row.appendChild(element("td", "", item.name));
    row.appendChild(element("td", "points", item.points));
    row.appendChild(element("td", "", item.note));
  }
  card.appendChild(table);
  for (const line of data.notes || []) card.appendChild(element("div", "score-note", line));
  return card;
}

function folded(text) {
  const details = element("details");
  details.appendChild(element("summary", "", UI[locale].more));
  details.appendChild(element("div", "folded", text));
  return details;
}

function fill(div, reply, live) {
  // Draw `reply` into the bubble `div` (new, or one updated in place).
  div.replaceChildren();
  div.dataset.ids = (reply.choices || []).map(c => c.id).join(" ");
  div.classList.toggle("agent", Boolean(reply.agent));
  if (reply.agent) div.appendChild(element("div", "sender", UI[locale].staff + " " + reply.agent));
  const data = reply.data || {};
  if (data.kind === "score") div.appendChild(scoreCard(data));
  else if (data.kind === "details") div.appendChild(folded(reply.text));
  else div.appendChild(document.createTextNode(reply.text));
  if ((reply.rating || []).length) div.appendChild(thumbs(div, reply.rating));
  const options = (reply.choices || []).map(c => [c, ""]).concat((reply.buttons || []).map(b => [b, "nav"]));
  if (!options.length) return;
  const row = element("div", "choices");
  for (const [option, cls] of options) {
    const button = element("button", cls, option.label);
    button.type = "button";
    button.dataset.choice = option.id;
    button.disabled = !live;
    button.addEventListener("click", () => choose(div, option));
    row.appendChild(button);
  }
  div.appendChild(row);
}

function thumbs(div, rating) {
  // 👍/👎 under an FAQ answer: they stay live while the conversation moves on, so an answer
  // can be rated later; pressing one marks it and sends the rating like a choice.
  const row = element("div", "rating");
  for (const option of rating) {
    const button = element("button", "", option.label);
    button.type = "button";
    button.dataset.choice = option.id;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", async () => {
      row.querySelectorAll("button").forEach(b => {
        b.disabled = true;
        b.setAttribute("aria-pressed", String(b === button));
      });
      const data = await post({choice: option.id});
      if (!data) {
        row.querySelectorAll("button").forEach(b => b.disabled = false);
        return;
      }
      disableAll();
      showReplies(data.replies, {div, label: option.label});
    });
    row.appendChild(button);
  }
  return row;
}

function sameQuestion(div, reply) {
  // A reply that offers exactly the choices of the bubble just pressed is that question again
  // (a multi-select toggle): it replaces the bubble instead of following it.
  const ids = (reply.choices || []).map(c => c.id).join(" ");
  return div && ids && div.dataset.ids === ids;
}

function disableAll() {
  log.querySelectorAll(".choices button").forEach(b => b.disabled = true);
}

function showReplies(replies, pressed) {
  // pressed: {div, label} when the replies answer a button of `div`. The view scrolls to a
  // score when there is one (the long details after it would push it away), else to the end.
  let added = false;
  let score = null;
  replies.forEach((reply, index) => {
    if (index === 0 && pressed && sameQuestion(pressed.div, reply)) {
      fill(pressed.div, reply, true);
      return;
    }
    if (index === 0 && pressed) bubble(pressed.label, "me");
    const div = bubble("", "bot");
    fill(div, reply, true);
    added = true;
    if ((reply.data || {}).kind === "score") score = score || div;
  });
  if (score) score.scrollIntoView({block: "start"});
  else if (added) log.scrollTop = log.scrollHeight;
}

async function post(fields) {
  // The same message_id on every retry: the server answers a resend, it does not step twice.
  const body = Object.assign({user: userKey(), message_id: messageId()}, fields);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const response = await fetch("/api/chat", {
        method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
      const data = await response.json();
      if (!response.ok) {
        bubble(data.message || data.error || UI[locale].error, "error");
        return null;
      }
      if (data.locale) setLocale(data.locale);
      return data;
    } catch (error) {
      await new Promise(resolve => setTimeout(resolve, 1000 * (attempt + 1)));
    }
  }
  bubble(UI[locale].offline, "error");
  return null;
}

async function choose(div, option) {
  div.querySelectorAll(".choices button").forEach(b => b.disabled = true);
  const data = await post({choice: option.id});
  if (!data) return;
  if (!sameQuestion(div, (data.replies || [])[0] || {})) disableAll();
  showReplies(data.replies, {div, label: option.label});
}

form.addEventListener("submit", async event => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  await ready;  // typed while the greeting is on its way: it is shown first, then this
  disableAll();
  bubble(text, "me");
  log.scrollTop = log.scrollHeight;
  const data = await post({text});
  if (data) showReplies(data.replies, null);
});

async function poll() {
  try {
    const response = await fetch("/api/chat/updates", {headers: keyHeader()});
    if (!response.ok) return;
    const replies = (await response.json()).replies;
    if (replies.length) {
      disableAll();
      showReplies(replies, null);
    }
  } catch (error) { /* offline: try again at the next tick */ }
}

function markRated(choice) {
  // A rating in the history: its thumb shown pressed under the latest answer that offered it.
  const pressed = Array.from(log.querySelectorAll(".rating button")).filter(b => b.dataset.choice === choice).pop();
  if (!pressed) return;
  pressed.parentNode.querySelectorAll("button").forEach(b => {
    b.disabled = true;
    b.setAttribute("aria-pressed", String(b === pressed));
  });
}

function redraw(lines) {
  // The history as it was drawn: pressed buttons by their labels, toggles folded into their
  // question, and only the last question's buttons still live.
  let lastBot = null;
  let pending = null;
  const lastUser = lines.map(line => line.author).lastIndexOf("user");
  lines.forEach((line, index) => {
    if (line.author === "user") {
      if (pending) bubble(pending.text, "me");
      pending = line.text === "/start" ? null : line;
      if (line.choice && line.choice.startsWith("rate:")) markRated(line.choice);
      return;
    }
    if (pending && pending.choice && sameQuestion(lastBot, line)) {
      fill(lastBot, line, index > lastUser);
      pending = null;
      return;
    }
    if (pending) bubble(pending.text, "me");
    pending = null;
    lastBot = bubble("", "bot");
    fill(lastBot, line, index > lastUser);
  });
  if (pending) bubble(pending.text, "me");
  log.scrollTop = log.scrollHeight;
}

async function start() {
  setLocale(locale);
  if (localStorage.getItem("jifen-user")) {
    try {
      const response = await fetch("/api/chat/history", {headers: keyHeader()});
      const data = response.ok ? await response.json() : {lines: []};
      if (data.locale) setLocale(data.locale);
      redraw(data.lines);
    } catch (error) { /* offline: the next message continues the conversation anyway */ }
  }
  if (!log.children.length) {
    const data = await post({text: "/start"});
    if (data) showReplies(data.replies, null);
  }
}

const ready = start();
ready.then(() => setInterval(poll, 4000));
