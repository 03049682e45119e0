/* Nätverksarkivet: sortable tables and "copy link" buttons. Works from file:// too.
 * Without JavaScript the pages stay complete: the buttons are hidden and the
 * permalinks are visible as text. */
(function () {
  "use strict";

  function sortableTables() {
    if (typeof Tablesort === "undefined") return;
    document.querySelectorAll(".arkiv-sortable table").forEach(function (table) {
      // A cell sorts by the data-sort of its content (an ISO date), when it has one.
      table.querySelectorAll("td").forEach(function (cell) {
        var keyed = cell.querySelector("[data-sort]");
        if (keyed) cell.setAttribute("data-sort", keyed.getAttribute("data-sort"));
      });
      new Tablesort(table);
    });
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      ok ? resolve() : reject(new Error("copy failed"));
    });
  }

  function copyButtons() {
    document.querySelectorAll(".arkiv-kopiera").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var url = new URL(button.getAttribute("data-href"), window.location.href).href;
        var label = button.textContent;
        copy(url).then(function () {
          button.textContent = "Länken är kopierad";
          button.setAttribute("data-copied", url);
        }, function () {
          button.textContent = "Kunde inte kopiera – markera länken i stället";
        }).then(function () {
          setTimeout(function () { button.textContent = label; }, 2500);
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    sortableTables();
    copyButtons();
  });
})();
