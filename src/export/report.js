// Filters the table as the reader types: a row stays when every word of
// the search appears in it, ignoring case and accents.
(function () {
  var box = document.getElementById("q");
  var shown = document.getElementById("shown");
  var rows = Array.prototype.slice.call(
    document.querySelectorAll("#reports tbody tr"));
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var texts = rows.map(function (r) { return fold(r.textContent); });
  function filter() {
    var words = fold(box.value).split(/\s+/).filter(Boolean);
    var n = 0;
    rows.forEach(function (r, i) {
      var keep = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      r.hidden = !keep;
      if (keep) { n += 1; }
    });
    shown.textContent = String(n);
  }
  box.addEventListener("input", filter);
  // report.html?q=words opens the report already filtered, so a filtered
  // view can be sent as a link.
  var start = new URLSearchParams(location.search).get("q");
  if (start) {
    box.value = start;
    filter();
  }
  // A link to a row the search hides clears the search first.
  window.addEventListener("hashchange", function () {
    var target = document.getElementById(location.hash.slice(1));
    var row = target && target.closest("tr");
    if (row && row.hidden) {
      box.value = "";
      filter();
      row.scrollIntoView();
    }
  });
})();
