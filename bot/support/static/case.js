// The open conversation (middle pane): new lines appear as they arrive and the view stays at
// the bottom; the reply box sends with Ctrl+Enter and offers canned replies after "/".
"use strict";

const lines = document.getElementById("lines");
const caseId = lines.dataset.case;
const statusCell = document.getElementById("case-status");
const replyForm = document.getElementById("reply");
const replyText = document.getElementById("reply-text");
const replyError = document.getElementById("reply-error");
const newLines = document.getElementById("new-lines");
const CASE_WORDS = JSON.parse(document.getElementById("console-words").textContent);
const DRAFT = `jifen-console-draft-${caseId}`;

// -- the transcript: the newest lines stay in view; an agent who scrolled up to read is not
// pulled down, but told that something new arrived.

function atBottom() {
  return lines.scrollHeight - lines.scrollTop - lines.clientHeight < 40;
}

function toBottom() {
  lines.scrollTop = lines.scrollHeight;
  newLines.hidden = true;
}

toBottom();
window.addEventListener("load", toBottom); // after fonts and layout settle
lines.addEventListener("scroll", () => {
  if (atBottom()) newLines.hidden = true;
});
newLines.addEventListener("click", toBottom);

function lastId() {
  const last = lines.lastElementChild;
  return last ? Number(last.dataset.id) : 0;
}

function lineItem(line) {
  const item = document.createElement("li");
  item.className = `line ${line.author}`;
  item.dataset.id = line.id;
  const author = document.createElement("span");
  author.className = "author";
  author.textContent = CASE_WORDS[`author-${line.author}`] || line.author;
  const time = document.createElement("time");
  time.textContent = line.time; // Shanghai time, formatted by the server like the page
  const text = document.createElement("p");
  text.textContent = line.text;
  item.append(author, time, text);
  return item;
}

let polling = null;

async function poll() {
  clearTimeout(polling);
  try {
    const response = await fetch(`/console/api/handoffs/${caseId}/lines?after=${lastId()}`, {
      credentials: "same-origin",
    });
    if (response.status === 401) {
      window.location.assign("/console/login");
      return;
    }
    if (response.ok) {
      const data = await response.json();
      const stick = atBottom();
      const known = lastId();
      data.lines.filter((line) => line.id > known).forEach((line) => lines.append(lineItem(line)));
      if (data.lines.length) {
        if (stick) toBottom();
        else newLines.hidden = false;
      }
      if (statusCell) statusCell.textContent = data.status_words;
    }
  } catch (error) {
    // the next poll tries again
  }
  polling = setTimeout(poll, 1000);
}

polling = setTimeout(poll, 1000);

// -- the reply box ------------------------------------------------------------------------

if (replyForm) {
  const menu = document.getElementById("canned-menu");
  const canned = JSON.parse(document.getElementById("canned-data").textContent);
  let shown = []; // the canned replies the menu lists now
  let chosen = 0;

  // The box is on screen before this deferred script runs (a slow network, a loaded server):
  // what the agent typed meanwhile is theirs and stays; a draft from before a reload only goes
  // back into an empty box.
  if (replyText.value) sessionStorage.setItem(DRAFT, replyText.value);
  else replyText.value = sessionStorage.getItem(DRAFT) || "";

  // "/" at the start of a line, and what follows it up to the caret, is a canned-reply query.
  function query() {
    const before = replyText.value.slice(0, replyText.selectionStart);
    const found = /(?:^|\n)\/([^\n]*)$/.exec(before);
    return found ? found[1] : null;
  }

  // The menu takes room from the transcript: a view at its newest lines stays there.
  function showMenu(visible) {
    const stay = atBottom();
    menu.hidden = !visible;
    if (stay) toBottom();
  }

  function closeMenu() {
    showMenu(false);
    shown = [];
  }

  function drawMenu() {
    const typed = query();
    if (typed === null) {
      closeMenu();
      return;
    }
    const needle = typed.trim().toLowerCase();
    shown = canned.filter(
      (c) => c.title.toLowerCase().includes(needle) || c.text.toLowerCase().includes(needle),
    );
    chosen = Math.min(chosen, Math.max(0, shown.length - 1));
    menu.replaceChildren(
      ...shown.map((c, index) => {
        const item = document.createElement("li");
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", String(index === chosen));
        const title = document.createElement("strong");
        title.textContent = c.title;
        const text = document.createElement("span");
        text.textContent = c.text;
        item.append(title, text);
        item.addEventListener("mousedown", (event) => {
          event.preventDefault(); // keep the focus in the box
          pick(index);
        });
        return item;
      }),
    );
    if (!shown.length) {
      const none = document.createElement("li");
      none.className = "muted";
      none.textContent = CASE_WORDS["canned-none"];
      menu.append(none);
    }
    showMenu(true);
  }

  function pick(index) {
    const reply = shown[index];
    if (!reply) return;
    const caret = replyText.selectionStart;
    const start = replyText.value.lastIndexOf("/", caret - 1);
    replyText.value = replyText.value.slice(0, start) + reply.text + replyText.value.slice(caret);
    const end = start + reply.text.length;
    replyText.setSelectionRange(end, end);
    sessionStorage.setItem(DRAFT, replyText.value);
    closeMenu();
    replyText.focus();
  }

  replyText.addEventListener("input", () => {
    sessionStorage.setItem(DRAFT, replyText.value);
    chosen = 0;
    drawMenu();
  });
  replyText.addEventListener("blur", closeMenu);

  replyText.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      // Ctrl+Enter (or ⌘+Enter) sends, as in the inboxes agents know; Enter is a new line.
      event.preventDefault();
      closeMenu();
      replyForm.requestSubmit();
      return;
    }
    if (menu.hidden || event.altKey) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      chosen = (chosen + step + shown.length) % Math.max(1, shown.length);
      drawMenu();
    } else if ((event.key === "Enter" || event.key === "Tab") && shown.length) {
      event.preventDefault();
      pick(chosen);
    } else if (event.key === "Escape") {
      event.preventDefault();
      closeMenu();
    }
  });

  document.getElementById("canned-open").addEventListener("click", () => {
    const caret = replyText.selectionStart;
    const lineStart = caret === 0 || replyText.value[caret - 1] === "\n";
    const slash = lineStart ? "/" : "\n/";
    replyText.value = replyText.value.slice(0, caret) + slash + replyText.value.slice(caret);
    replyText.focus();
    replyText.setSelectionRange(caret + slash.length, caret + slash.length);
    chosen = 0;
    drawMenu();
  });

  // A "/" typed before this script ran opens the menu now (drawMenu closes it for any other text).
  if (document.activeElement === replyText) drawMenu();

  // Sent by script, so the agent stays where they are; the line comes back with the poll.
  replyForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!replyText.value.trim()) return;
    const response = await fetch(replyForm.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(replyForm)),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    });
    if (response.ok) {
      replyText.value = "";
      replyError.textContent = "";
      sessionStorage.removeItem(DRAFT);
      toBottom();
      poll();
    } else if (response.status === 401) {
      window.location.assign("/console/login");
    } else {
      replyError.textContent = CASE_WORDS["not-sent"];
    }
  });
}
