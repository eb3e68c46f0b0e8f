// The exam paper (/t/{township}/law-study/my-exams/attempts/{id}): saves each answer as it is chosen, keeps what could
// not be sent and sends it again when the connection is back, and counts down the time the server gave. The server
// owns the clock: the countdown only shows its answer, and a save after the deadline is refused there.
(function () {
  "use strict";
  var paper = document.getElementById("paper");
  if (!paper || paper.dataset.open !== "true") {
    return;
  }

  var status = document.getElementById("save-status");
  var timer = document.getElementById("timer");
  var pending = {};
  var sending = null;

  function say(key) {
    if (status && status.dataset[key]) {
      status.textContent = status.dataset[key];
      status.dataset.state = key;
    }
  }

  function choiceOf(fieldset) {
    var chosen = [];
    fieldset.querySelectorAll("input:checked").forEach(function (input) { chosen.push(input.value); });
    return chosen.sort().join("");
  }

  function flush() {
    if (sending) {
      return sending;
    }

    var answers = Object.keys(pending).map(function (no) { return { question: Number(no), choice: pending[no] }; });
    if (answers.length === 0) {
      return Promise.resolve(true);
    }

    pending = {};
    say("saving");
    sending = fetch(paper.dataset.save, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ answers: answers })
    }).then(function (response) {
      sending = null;
      if (response.ok) {
        answers.forEach(function (a) {
          var fieldset = paper.querySelector("fieldset[data-question='" + a.question + "']");
          if (fieldset) { fieldset.dataset.saved = a.choice; }
        });
        say("saved");
        return Object.keys(pending).length > 0 ? flush() : true;
      }

      if (response.status === 400) {
        // Refused (the deadline passed, or the attempt was submitted elsewhere): the page shows what the server holds.
        say("late");
        window.location.reload();
        return false;
      }

      throw new Error("save failed: " + response.status);
    }).catch(function () {
      sending = null;
      // Lost connection or a server hiccup: keep the answers (newer choices win) and try again shortly.
      answers.forEach(function (a) { if (!(a.question in pending)) { pending[a.question] = a.choice; } });
      say("offline");
      setTimeout(flush, 3000);
      return false;
    });
    return sending;
  }

  paper.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset[data-question]");
    if (!fieldset) {
      return;
    }

    pending[fieldset.dataset.question] = choiceOf(fieldset);
    flush();
  });

  paper.addEventListener("submit", function (event) {
    if (paper.dataset.flushed === "true") {
      return;
    }

    // Send what is still unsaved first, then post the paper as the button asked.
    event.preventDefault();
    var button = event.submitter;
    flush().then(function () {
      paper.dataset.flushed = "true";
      if (button) {
        var action = document.createElement("input");
        action.type = "hidden";
        action.name = button.name;
        action.value = button.value;
        paper.appendChild(action);
      }
      paper.submit();
    });
  });

  window.addEventListener("online", flush);

  if (timer) {
    var end = Date.now() + Number(timer.dataset.remaining) * 1000;
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      timer.dataset.left = String(left);
      timer.textContent = (document.documentElement.lang === "en" ? "Time left: " : "剩余时间：") +
        minutes + (document.documentElement.lang === "en" ? " min " : "分") + seconds + (document.documentElement.lang === "en" ? " s" : "秒");
      if (left === 0) {
        // The server submits the attempt at its deadline; the reload shows the result.
        flush().then(function () { window.location.reload(); });
        return;
      }
      setTimeout(tick, 1000);
    };
    tick();
  }
})();
