/* Classification exercise. Without JavaScript each message has its answer in an expandable
   section; with it, students choose a category, check, get feedback and a running score. */
(function () {
  "use strict";
  var root = document.querySelector("[data-vav-exercise]");
  if (!root) return;
  var items = Array.prototype.slice.call(root.querySelectorAll(".vav-exercise__item"));
  var score = root.querySelector("[data-vav-score]");
  var right = 0, done = 0;

  function report() {
    score.textContent = root.dataset.score.replace("{right}", right).replace("{done}", done).replace("{total}", items.length);
  }

  items.forEach(function (item) {
    var choices = item.querySelector(".vav-exercise__choices");
    var answer = item.querySelector(".vav-exercise__answer");
    var feedback = item.querySelector("[data-vav-feedback]");
    answer.hidden = true; // revealed after checking, so the answer is not given away
    item.querySelector("[data-vav-check]").addEventListener("click", function () {
      var picked = item.querySelector("input:checked");
      if (!picked || item.dataset.checked) return;
      item.dataset.checked = "yes";
      var ok = picked.value === item.dataset.answer;
      done += 1;
      if (ok) right += 1;
      feedback.textContent = ok ? root.dataset.right : root.dataset.wrong;
      feedback.className = "vav-exercise__feedback " + (ok ? "is-right" : "is-wrong");
      item.querySelectorAll("input").forEach(function (input) { input.disabled = true; });
      answer.hidden = false;
      answer.open = true;
      report();
    });
  });
  report();
})();
