// Upload progress for the import page (/{lang}/import). Without this script the forms post as
// usual; with it, each upload goes by XMLHttpRequest so its <progress> shows the bytes sent, and
// the server's answer (the same page with the result) replaces the page's main content.
'use strict';
(function () {
  function replaceMain(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var fresh = doc.querySelector('main');
    var main = document.querySelector('main');
    if (fresh && main) {
      main.innerHTML = fresh.innerHTML;
      wire();
      var result = main.querySelector('.import-result');
      if (result) result.focus();
    }
  }
  function wire() {
    var forms = document.querySelectorAll('form.upload');
    Array.prototype.forEach.call(forms, function (form) {
      form.addEventListener('submit', function (ev) {
        var bar = form.querySelector('progress');
        var status = form.querySelector('.upload-status');
        if (!bar || !window.FormData || !window.XMLHttpRequest) return;  // the plain post
        ev.preventDefault();
        var xhr = new XMLHttpRequest();
        bar.parentNode.hidden = false;  // the <p> holding the label and the bar
        bar.value = 0;
        xhr.upload.addEventListener('progress', function (e) {
          if (e.lengthComputable) {
            bar.max = e.total;
            bar.value = e.loaded;
            if (status) status.textContent = Math.round((100 * e.loaded) / e.total) + ' %';
          }
        });
        xhr.upload.addEventListener('load', function () {
          bar.value = bar.max;
          if (status) status.textContent = form.getAttribute('data-reading') || '';
        });
        xhr.addEventListener('load', function () { replaceMain(xhr.responseText); });
        xhr.addEventListener('error', function () {
          if (status) status.textContent = form.getAttribute('data-failed') || '';
        });
        xhr.open('POST', form.action);
        xhr.send(new FormData(form));
        Array.prototype.forEach.call(form.querySelectorAll('button'), function (b) { b.disabled = true; });
      });
    });
  }
  wire();
})();
