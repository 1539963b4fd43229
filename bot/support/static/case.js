// One conversation: new transcript lines appear as they arrive; canned replies fill the box.
"use strict";

const lines = document.getElementById("lines");
const caseId = lines.dataset.case;
const statusCell = document.getElementById("case-status");
const canned = document.getElementById("canned");
const replyText = document.getElementById("reply-text");
const newLines = document.getElementById("new-lines");
const AUTHORS = { user: "用户", bot: "机器人", agent: "客服", system: "系统" };

// The newest lines stay in view; an agent who scrolled up to read is not pulled down, but
// told that something new arrived.
function atBottom() {
  return lines.scrollHeight - lines.scrollTop - lines.clientHeight < 40;
}

function toBottom() {
  lines.scrollTop = lines.scrollHeight;
  newLines.hidden = true;
}

toBottom();
lines.addEventListener("scroll", () => {
  if (atBottom()) newLines.hidden = true;
});
newLines.addEventListener("click", toBottom);

if (replyText) {
  // Ctrl+Enter (or ⌘+Enter) sends, as in the inboxes agents know; Enter alone is a new line.
  replyText.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      replyText.form.requestSubmit();
    }
  });
}

if (canned && replyText) {
  canned.addEventListener("change", () => {
    const option = canned.selectedOptions[0];
    if (option && option.dataset.text) {
      replyText.value = option.dataset.text;
      replyText.focus();
    }
  });
}

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
  author.textContent = AUTHORS[line.author] || line.author;
  const time = document.createElement("time");
  time.textContent = line.time; // Shanghai time, formatted by the server like the page
  const text = document.createElement("p");
  text.textContent = line.text;
  item.append(author, time, text);
  return item;
}

async function poll() {
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
      data.lines.forEach((line) => lines.append(lineItem(line)));
      if (data.lines.length) {
        if (stick) toBottom();
        else newLines.hidden = false;
      }
      if (statusCell) statusCell.textContent = data.status_words;
    }
  } catch (error) {
    // the next poll tries again
  }
  setTimeout(poll, 1000);
}

setTimeout(poll, 1000);
