// Enhancements only: every form works without this file. Evidence pickers accept dropped files
// and list what was chosen, warning before upload about a file over the size limit.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function listChosen(input) {
    var list = document.getElementById(input.id + '-chosen');
    if (!list) return;
    var limit = Number(input.getAttribute('data-max-bytes')) || 0;
    list.textContent = '';
    Array.prototype.forEach.call(input.files, function (file) {
      var item = document.createElement('li');
      var kb = Math.max(1, Math.round(file.size / 1024));
      item.textContent = file.name + '（' + kb + ' KB）';
      if (limit && file.size > limit) {
        item.className = 'error';
        item.textContent += '：超过每个文件 ' + input.getAttribute('data-max-text') + ' 的上限，请换一个较小的文件';
      }
      list.appendChild(item);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.drop'), function (zone) {
      var input = document.getElementById(zone.getAttribute('data-drop-for'));
      if (!input) return;
      input.addEventListener('change', function () { listChosen(input); });
      zone.addEventListener('dragover', function (e) { e.preventDefault(); zone.classList.add('over'); });
      zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
      zone.addEventListener('drop', function (e) {
        e.preventDefault();
        zone.classList.remove('over');
        if (e.dataTransfer && e.dataTransfer.files.length) {
          input.files = e.dataTransfer.files;
          listChosen(input);
        }
      });
    });
  });
})();
