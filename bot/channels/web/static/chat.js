"use strict";
const log = document.getElementById("log");
const form = document.getElementById("form");
const input = document.getElementById("text");

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

function bubble(text, cls) {
  const div = document.createElement("div");
  div.className = "msg " + cls;
  div.textContent = text;  // never innerHTML: user and bot text are plain text
  log.appendChild(div);
  log.scrollTop = log.scrollHeight;
  return div;
}

function showReply(reply) {
  const div = bubble(reply.text, "bot");
  const options = (reply.choices || []).map(c => [c, ""]).concat((reply.buttons || []).map(b => [b, "nav"]));
  if (options.length) {
    const row = document.createElement("div");
    row.className = "choices";
    for (const [option, cls] of options) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = cls;
      button.textContent = option.label;
      button.dataset.choice = option.id;
      button.addEventListener("click", () => {
        row.querySelectorAll("button").forEach(b => b.disabled = true);
        send({choice: option.id}, option.label);
      });
      row.appendChild(button);
    }
    div.appendChild(row);
  }
  log.scrollTop = log.scrollHeight;
}

async function post(body) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const response = await fetch("/api/chat", {
        method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
      const data = await response.json();
      if (!response.ok) { bubble(data.message || data.error || "出错了，请再试一次。", "error"); return; }
      data.replies.forEach(showReply);
      return;
    } catch (error) {
      await new Promise(resolve => setTimeout(resolve, 1000 * (attempt + 1)));
    }
  }
  bubble("网络不通，请稍后再试。Network problem, please try again.", "error");
}

function send(fields, shown) {
  bubble(shown, "me");
  // The same message_id on every retry: the server answers a resend, it does not step twice.
  return post(Object.assign({user: userKey(), message_id: messageId()}, fields));
}

form.addEventListener("submit", event => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  send({text}, text);
});

async function poll() {
  try {
    const response = await fetch("/api/chat/updates", {headers: keyHeader()});
    if (response.ok) (await response.json()).replies.forEach(showReply);
  } catch (error) { /* offline: try again at the next tick */ }
}

async function start() {
  if (!localStorage.getItem("jifen-user")) {
    await post({user: userKey(), message_id: messageId(), text: "/start"});
    return;
  }
  try {
    const response = await fetch("/api/chat/history", {headers: keyHeader()});
    const lines = response.ok ? (await response.json()).lines : [];
    lines.forEach(line => bubble(line.text, line.author === "user" ? "me" : "bot"));
  } catch (error) { /* offline: the next message continues the conversation anyway */ }
  if (!log.children.length) await post({user: userKey(), message_id: messageId(), text: "/start"});
}

start().then(() => setInterval(poll, 4000));
