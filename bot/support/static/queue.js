// The live queue: the server pushes {queue, mine, now} over a WebSocket whenever it changes.
"use strict";

const csrf = document.querySelector('meta[name="csrf-token"]').content;
const queueList = document.getElementById("queue");
const mineList = document.getElementById("mine");
const empty = document.getElementById("empty");
const statusLine = document.getElementById("status");
const notice = document.getElementById("notice");
let clockOffset = 0; // server time minus browser time, in seconds
let entries = [];

function el(tag, attributes, text) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function waited(since) {
  const seconds = Math.max(0, Math.round(Date.now() / 1000 + clockOffset - since));
  const minutes = Math.floor(seconds / 60);
  return minutes ? `${minutes} 分 ${seconds % 60} 秒` : `${seconds} 秒`;
}

function answersSummary(answers) {
  const pairs = Object.entries(answers);
  if (!pairs.length) return "还没有回答积分问题";
  return pairs.map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join("，");
}

function entryItem(entry) {
  const item = el("li", { "data-id": entry.id, class: "case" });
  const head = el("div", { class: "head" });
  head.append(
    el("strong", {}, `#${entry.id}`),
    el("span", { class: "channel" }, entry.channel_words),
    el("span", { class: "reason" }, entry.reason_words),
    el("span", { class: "waited", "data-since": entry.since }, waited(entry.since)),
    el("span", { class: "score" }, entry.score === null ? "积分还没算出" : `积分 ${entry.score}`),
  );
  const claim = el("button", { type: "button", class: "claim", "data-id": entry.id }, "接入");
  claim.addEventListener("click", () => claimCase(entry.id, claim));
  head.append(claim);
  item.append(head, el("p", { class: "answers" }, answersSummary(entry.answers)));
  if (entry.last_message) item.append(el("p", { class: "said" }, `用户：${entry.last_message}`));
  return item;
}

function render(data) {
  entries = data.queue;
  queueList.replaceChildren(...entries.map(entryItem));
  empty.hidden = entries.length > 0;
  mineList.replaceChildren(
    ...data.mine.map((id) => {
      const item = el("li");
      item.append(el("a", { href: `/console/conversations/${id}` }, `会话 #${id}`));
      return item;
    }),
  );
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
  notice.textContent = `会话 #${id} 已被其他客服接走了。`;
  notice.className = "taken";
  const item = queueList.querySelector(`li[data-id="${id}"]`);
  if (item) item.remove();
  empty.hidden = queueList.children.length > 0;
}

function connect() {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${window.location.host}/console/ws`);
  socket.addEventListener("open", () => {
    statusLine.textContent = "已连接，排队情况会自动更新。";
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
    statusLine.textContent = "连接断开，正在重连…";
    setTimeout(connect, 2000);
  });
}

setInterval(() => {
  document.querySelectorAll(".waited").forEach((node) => {
    node.textContent = waited(Number(node.dataset.since));
  });
}, 1000);

connect();
