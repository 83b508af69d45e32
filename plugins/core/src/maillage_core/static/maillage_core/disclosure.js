/* What folds on phones, and only once this script runs (without it, all is
   shown): the header's menu behind its button, following the WAI-ARIA
   disclosure pattern, and a listing's filters behind their summary. */
(function () {
  "use strict";

  function menuButton(button) {
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    if (!panel) return;
    function set(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) panel.removeAttribute("data-folded"); else panel.setAttribute("data-folded", "");
    }
    set(false);
    button.hidden = false;
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    // Escape closes the menu from anywhere inside it and gives the focus back to its button.
    [button, panel].forEach(function (element) {
      element.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
          set(false);
          button.focus();
        }
      });
    });
  }

  function foldingPanel(details) {
    var narrow = window.matchMedia("(max-width: " + details.getAttribute("data-fold-below") + ")");
    function follow() { details.open = !narrow.matches; }
    follow();
    if (narrow.addEventListener) narrow.addEventListener("change", follow);
  }

  document.querySelectorAll("[data-menu-button]").forEach(menuButton);
  document.querySelectorAll("details[data-fold-below]").forEach(foldingPanel);
})();
