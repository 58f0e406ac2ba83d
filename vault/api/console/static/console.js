// The console's only script: confirm destructive forms, and refresh the jobs page while a job
// runs. Pages work without it; nothing here talks to the network but the page's own reload.
"use strict";
document.addEventListener("submit", (event) => {
  const form = event.target;
  const question = form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) event.preventDefault();
});
document.addEventListener("DOMContentLoaded", () => {
  const refresh = document.querySelector("[data-refresh]");
  if (refresh) {
    const seconds = Number(refresh.getAttribute("data-refresh")) || 5;
    window.setTimeout(() => window.location.reload(), seconds * 1000);
  }
});
