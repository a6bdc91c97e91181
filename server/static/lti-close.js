// LTI Dynamic Registration 1.0 §3.6: tell the platform the registration is done so it closes the dialog.
(function () {
  'use strict';
  var target = window.opener || window.parent;
  if (target && target !== window) target.postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
})();
