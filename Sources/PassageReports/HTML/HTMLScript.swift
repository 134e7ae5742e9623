/// The page's one script: sortable tables. It is optional (the page reads fully without it) and
/// allowed to run by its SHA-256 hash in the Content-Security-Policy, so no other inline script could.
enum HTMLScript {
    /// Turns each header cell of every `table.sortable` into a `<button>` (reachable with Tab, pressed
    /// with Enter or Space) that sorts the rows by that column, numbers as numbers and `W2` before `W10`,
    /// and sets `aria-sort` on the header so screen readers announce the order. Ties keep their order.
    static let sortableTables = #"""
        (function () {
          "use strict";
          function value(row, column) {
            var cell = row.cells[column];
            return cell ? cell.textContent.trim() : "";
          }
          function number(text) {
            var plain = text.replace(/[\s,%]/g, "").replace(/\u2212/g, "-");
            return /^-?\d+(\.\d+)?$/.test(plain) ? parseFloat(plain) : null;
          }
          function compare(a, b) {
            var x = number(a), y = number(b);
            if (x !== null && y !== null) { return x - y; }
            return a.localeCompare(b, "en", { numeric: true });
          }
          function sort(table, column, button) {
            var header = button.parentNode;
            var ascending = header.getAttribute("aria-sort") !== "ascending";
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            rows.forEach(function (row, index) { row.dataset.order = index; });
            rows.sort(function (a, b) {
              var c = compare(value(a, column), value(b, column));
              return (ascending ? c : -c) || a.dataset.order - b.dataset.order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
            header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          }
          Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
              var button = document.createElement("button");
              button.type = "button";
              button.textContent = header.textContent;
              button.title = "Sort by this column";
              button.addEventListener("click", function () { sort(table, column, button); });
              header.textContent = "";
              header.appendChild(button);
            });
          });
        })();
        """#

    /// `'sha256-…'` of `sortableTables`, as the Content-Security-Policy names it. A test recomputes it.
    static let sortableTablesHash = "'sha256-7JzBz2IUUm321sDaliy87/cRHtx4JCYfP9mGj5gfqZk='"
}
