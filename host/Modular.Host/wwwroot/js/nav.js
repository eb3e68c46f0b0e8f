// On a phone the side navigation folds under one menu button (the stylesheet hides the links of a .collapsible
// navigation until it is .open), so a page's own heading is on the first screen. The button says where the user is
// (the active entry) and keeps aria-expanded true to what is shown; Escape closes the menu. Without script the button
// stays hidden and every link is shown, as on a wide screen.
(function () {
    "use strict";
    function run() {
        var nav = document.querySelector("nav.side");
        var toggle = nav && nav.querySelector(".nav-toggle");
        if (!toggle) {
            return;
        }
        var active = nav.querySelector(".side-links a.active");
        var current = toggle.querySelector(".nav-current");
        if (active && current) {
            current.textContent = active.textContent.trim();
        }
        function show(open) {
            toggle.setAttribute("aria-expanded", open ? "true" : "false");
            nav.classList.toggle("open", open);
        }
        toggle.addEventListener("click", function () {
            show(toggle.getAttribute("aria-expanded") !== "true");
        });
        nav.addEventListener("keydown", function (e) {
            if (e.key === "Escape" && nav.classList.contains("open")) {
                show(false);
                toggle.focus();
            }
        });
        nav.classList.add("collapsible");
        toggle.hidden = false;
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", run);
    } else {
        run();
    }
}());
