(function () {
  "use strict";
  // Progressive enhancement only: the page reads fully with scripts off.
  var filters = document.getElementById("filters");
  if (filters) {
    filters.hidden = false;
    var search = document.getElementById("finding-search");
    var apply = function () {
      var shown = {};
      filters.querySelectorAll("input[type=checkbox]").forEach(function (box) { shown[box.value] = box.checked; });
      var needle = (search && search.value || "").toLowerCase();
      document.querySelectorAll("article.finding").forEach(function (card) {
        var ok = shown[card.getAttribute("data-severity")] !== false &&
                 (!needle || (card.getAttribute("data-text") || "").indexOf(needle) >= 0 ||
                  card.textContent.toLowerCase().indexOf(needle) >= 0);
        card.hidden = !ok;
      });
    };
    filters.addEventListener("change", apply);
    if (search) { search.addEventListener("input", apply); }
  }
  document.querySelectorAll("th.sortable").forEach(function (th) {
    th.addEventListener("click", function () {
      var table = th.closest("table");
      var body = table.tBodies[0];
      var index = Array.prototype.indexOf.call(th.parentNode.children, th);
      var ascending = th.getAttribute("data-order") !== "asc";
      th.setAttribute("data-order", ascending ? "asc" : "desc");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[index].textContent.trim(), y = b.cells[index].textContent.trim();
        var nx = parseFloat(x), ny = parseFloat(y);
        var cmp = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return ascending ? cmp : -cmp;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
