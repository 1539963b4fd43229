// The teach confirmation page: the regression guard runs in the background; ask for its
// verdict until it is there and show it in place. Saving never waits for it.
"use strict";

const guardResult = document.getElementById("guard-result");
const saveForm = document.getElementById("save-form");

async function askGuard() {
  let response;
  try {
    response = await fetch(guardResult.dataset.poll, {
      method: "POST",
      body: new URLSearchParams(new FormData(saveForm)),
      credentials: "same-origin",
    });
  } catch (error) {
    setTimeout(askGuard, 3000); // the network: try again
    return;
  }
  if (response.status === 202 || response.status >= 500) {
    setTimeout(askGuard, response.status === 202 ? 1000 : 3000);
    return;
  }
  guardResult.innerHTML = await response.text();
  delete guardResult.dataset.poll;
}

if (guardResult && guardResult.dataset.poll) askGuard();
