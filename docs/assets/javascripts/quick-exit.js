/* Quick exit: leave the site at once for a neutral page, replacing this page in the history so
   that the back button does not come back here. Also triggered by pressing Shift three times
   (the GOV.UK "Exit this page" pattern). Without JavaScript the control is a plain link. */
(function () {
  "use strict";
  var link = document.querySelector("[data-vav-exit]");
  if (!link) return;

  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("vav-leaving"); // blank the page before the next one loads
    document.title = "";
    window.location.replace(link.href);
  }

  link.addEventListener("click", leave);
  var help = document.getElementById("vav-exit-help");
  if (help) help.hidden = false; // the shortcut below works: say so

  // Three presses of Shift within a second, with no other key in between.
  var presses = 0;
  var timer = null;
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = 0; return; }
    presses += 1;
    clearTimeout(timer);
    if (presses >= 3) { leave(); return; }
    timer = setTimeout(function () { presses = 0; }, 1000);
  });
})();
