// Gives each cell of a grid table its column's heading (data-label), so that on a phone, where the stylesheet turns
// each row into a card, every value is shown beside what it is. A cell that already names its label keeps it.
(function () {
    "use strict";
    function label(table) {
        var headings = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
        if (headings.length === 0) {
            return;
        }
        Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
            var column = 0;
            Array.prototype.forEach.call(row.children, function (cell) {
                if (!cell.hasAttribute("data-label") && headings[column]) {
                    cell.setAttribute("data-label", headings[column]);
                }
                column += cell.colSpan || 1;
            });
        });
    }
    function run() {
        Array.prototype.forEach.call(document.querySelectorAll("table.grid"), label);
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", run);
    } else {
        run();
    }
}());
