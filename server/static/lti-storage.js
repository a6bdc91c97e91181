// LTI platform storage (1EdTech "LTI Client Side postMessages"): keeps the login's browser key in
// the LMS window when the browser blocks the tool's cookie inside the LMS iframe.
(function () {
  'use strict';
  var el = document.getElementById('lti-storage-request');
  if (!el) return;
  var req = JSON.parse(el.textContent || '{}');
  var messageId = 'ecap-' + Math.random().toString(36).slice(2);

  function targetWindow() {
    var parent = window.opener || window.parent;
    if (req.target && req.target !== '_parent') {
      try { return parent.frames[req.target] || parent; } catch (e) { return parent; }
    }
    return parent;
  }

  function send(message, onReply) {
    var done = false;
    function listener(event) {
      if (event.origin !== req.origin || !event.data || event.data.message_id !== messageId) return;
      done = true;
      window.removeEventListener('message', listener);
      onReply(event.data);
    }
    window.addEventListener('message', listener);
    message.message_id = messageId;
    targetWindow().postMessage(message, req.origin);
    setTimeout(function () { if (!done) { window.removeEventListener('message', listener); onReply(null); } }, 3000);
  }

  if (req.mode === 'put') {
    send({ subject: 'lti.put_data', key: req.key, value: req.value }, function () {
      window.location.replace(req.next);
    });
    return;
  }

  send({ subject: 'lti.get_data', key: req.key }, function (reply) {
    var form = document.createElement('form');
    form.method = 'post';
    form.action = req.form.action;
    var fields = Object.assign({}, req.form.fields);
    fields[req.field] = reply && typeof reply.value === 'string' ? reply.value : '';
    Object.keys(fields).forEach(function (name) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = fields[name];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
  });
})();
