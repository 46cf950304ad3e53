// Quick exit from the counselling pages: the link (or Escape) replaces the current page,
// so the back button does not lead straight back to it. Without JavaScript it is a plain link.
(() => {
  const link = document.querySelector("[data-quick-exit]");
  if (!link) {
    return;
  }
  const leave = (event) => {
    event.preventDefault();
    window.location.replace(link.href);
  };
  link.addEventListener("click", leave);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      leave(event);
    }
  });
})();
