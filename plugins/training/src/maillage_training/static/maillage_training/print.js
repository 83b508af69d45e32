/* The "Print the programme" button. A file rather than an onclick attribute:
   the site's Content-Security-Policy refuses inline event handlers. */
document.querySelectorAll("[data-print-page]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
