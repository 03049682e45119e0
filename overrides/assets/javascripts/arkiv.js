/* Nätverksarkivet: sortable tables and "copy link" buttons. Works from file:// too.
 * Without JavaScript the pages stay complete: the buttons are hidden and the
 * permalinks are visible as text. (Tables as cards on phones and the attendance
 * matrix's marks need no JavaScript: CSS and <details>.) */
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

  /* The published address of the site root (site_url in source/arkiv.yml), from the build
   * (overrides/main.html); "" when the archive has none. */
  function publishedRoot() {
    var meta = document.querySelector('meta[name="arkiv:publicerad-adress"]');
    return meta ? meta.getAttribute("content") : "";
  }

  /* What "Kopiera länk" copies. data-href is the decision's address relative to the site
   * root (generator/render/blocks.py copy_button): with a published address the full web
   * address, without one that path inside the archive - never this computer's file:// path. */
  function shareable(href) {
    var root = publishedRoot();
    return root ? { text: new URL(href, root).href, published: true } : { text: href, published: false };
  }

  /* The copied text stays on screen, so that it can also be selected by hand. */
  function statusOf(button) {
    var status = button.nextElementSibling;
    if (!status || !status.classList.contains("arkiv-kopierat")) {
      status = document.createElement("span");
      status.className = "arkiv-kopierat";
      status.setAttribute("role", "status");  // read out when it changes
      button.insertAdjacentElement("afterend", status);
    }
    return status;
  }

  function showCopied(button, link, outcome) {
    var status = statusOf(button);
    var intro;
    if (outcome === "failed") {
      intro = "Kunde inte kopiera – markera länken och kopiera den själv: ";
    } else if (link.published) {
      intro = "Länken är kopierad: ";
    } else {
      intro = "Arkivet har ingen publicerad webbadress, så sökvägen i arkivet kopierades: ";
    }
    status.textContent = intro;
    var code = document.createElement("code");
    code.textContent = link.text;
    status.appendChild(code);
    if (outcome === "failed") {
      var range = document.createRange();
      range.selectNodeContents(code);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
  }

  function copyButtons() {
    document.querySelectorAll(".arkiv-kopiera").forEach(function (button) {
      var label = button.textContent;
      button.hidden = false;
      statusOf(button);
      button.addEventListener("click", function () {
        var link = shareable(button.getAttribute("data-href"));
        copy(link.text).then(function () {
          button.textContent = "Kopierad";
          button.setAttribute("data-copied", link.text);
          showCopied(button, link, "copied");
        }, function () {
          button.textContent = "Kunde inte kopiera";
          showCopied(button, link, "failed");
        }).then(function () {
          setTimeout(function () { button.textContent = label; }, 2500);
        });
      });
    });
  }

  // A page shown again from the back/forward cache opens with the menu and the search
  // closed (the theme's toggles carry no autocomplete="off", see theme_markup.py).
  window.addEventListener("pageshow", function (event) {
    var navigation = performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
    if (!event.persisted && !(navigation && navigation.type === "back_forward")) return;
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) toggle.click();
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    sortableTables();
    copyButtons();
  });
})();
