// Check uploads with progress. The form is sent with XMLHttpRequest so the bytes sent can be
// shown; once they are all sent, the server's phase (读取数据 / 运行检查 / 记录问题) is asked for
// until the answer arrives, which then replaces the page. Without this file the form posts as
// usual and the answer shows when the check is done.
(function () {
  'use strict';

  function newToken() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function size(n) {
    return n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : Math.ceil(n / 1024) + ' KB';
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('check-form');
    var box = document.getElementById('check-progress');
    if (!form || !box || !window.FormData || !window.XMLHttpRequest || !window.crypto) return;
    var bar = document.getElementById('check-bar');
    var phase = document.getElementById('check-phase');
    var submit = document.getElementById('check-submit');

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var token = newToken();
      var xhr = new XMLHttpRequest();
      var timer = null;
      var sent = '';

      function poll() {
        var ask = new XMLHttpRequest();
        ask.open('GET', form.getAttribute('data-progress') + '?token=' + token);
        ask.onload = function () {
          if (ask.status !== 200 || timer === null) return;
          try { phase.textContent = '服务器处理中：' + JSON.parse(ask.responseText).phase; } catch (err) { /* keep the last phase */ }
        };
        ask.send();
      }

      xhr.upload.addEventListener('progress', function (ev) {
        if (!ev.lengthComputable) return;
        bar.value = Math.round(ev.loaded * 100 / ev.total);
        sent = '接收文件：已发送 ' + size(ev.loaded) + ' / ' + size(ev.total);
        phase.textContent = sent;
      });
      xhr.upload.addEventListener('load', function () {
        bar.removeAttribute('value');  // an indeterminate bar while the server works
        timer = setInterval(poll, 400);
        poll();
      });
      xhr.onload = function () {
        clearInterval(timer);
        timer = null;
        document.open();
        document.write(xhr.responseText);
        document.close();
        // The answer says what the server did; say also what was sent.
        var shown = document.getElementById('check-sent');
        if (shown && sent) { shown.textContent = sent; shown.hidden = false; }
      };
      xhr.onerror = function () {
        clearInterval(timer);
        timer = null;
        phase.textContent = '上传中断：网络连接出错。请检查网络后重新上传。';
        submit.disabled = false;
      };
      xhr.open('POST', form.action + '?progress=' + token);
      box.hidden = false;
      submit.disabled = true;
      xhr.send(new FormData(form));
    });
  });
})();
