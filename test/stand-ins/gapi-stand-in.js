/*
 * TEST STAND-IN for https://apis.google.com/js/api.js — not Google's code, and never shipped.
 *
 * Why it exists: firebase/auth's pop-up and redirect sign-ins load Google's gapi loader and its
 * `gapi.iframes` module to talk to a hidden helper iframe, even against the Auth emulator (whose
 * helper page, /emulator/auth/iframe, loads api.js too). The test machines are offline, so the
 * tests answer that URL with this file through Playwright's request routing (test/e2e/sign-in.test.mjs).
 *
 * It implements only what the SDK and the emulator's helper iframe call, over window.postMessage:
 *   page:    gapi.load('gapi.iframes', {callback}), gapi.iframes.getContext().open(options, onOpen)
 *   iframe:  gapi.iframes.getContext().getParentIframe()
 *   both:    iframe.register(name, handler), iframe.send(name, data, callback), iframe.ping(), iframe.restyle()
 * A call answers with [handler's result]. Calls that arrive before their handler is registered wait
 * for it (the helper iframe sends its first auth event as soon as it loads).
 */
(function () {
  'use strict';
  var CHANNEL = 'leave-a-reply:gapi-stand-in';
  var nextId = 1;
  var replies = {}; // call id → callback
  var ports = []; // one per window this window talks to

  function Port(target) {
    this.target = target; // a WindowProxy: the iframe's, or the parent's
    this.handlers = {};
    this.waiting = {}; // name → [calls that came before register(name)]
  }
  Port.prototype.register = function (name, handler) {
    this.handlers[name] = handler;
    var early = this.waiting[name] || [];
    delete this.waiting[name];
    for (var i = 0; i < early.length; i++) this.answer(early[i]);
  };
  Port.prototype.send = function (name, data, callback) {
    var id = CHANNEL + ':' + Math.random().toString(36).slice(2) + ':' + nextId++;
    if (callback) replies[id] = callback;
    this.target.postMessage({channel: CHANNEL, kind: 'call', id: id, name: name, data: data}, '*');
  };
  // Resolves once the other side runs this stand-in too; until then, asks again.
  Port.prototype.ping = function (callback) {
    var send = this.send.bind(this);
    return new Promise(function (resolve) {
      var answered = false;
      function ask() {
        if (answered) return;
        send('__ping', {}, function (responses) {
          if (answered) return;
          answered = true;
          if (callback) callback(responses);
          resolve(responses);
        });
        setTimeout(ask, 50);
      }
      ask();
    });
  };
  Port.prototype.restyle = function () {
    return Promise.resolve();
  };
  Port.prototype.answer = function (call) {
    var handler = this.handlers[call.name];
    var responses = call.name === '__ping' ? [true] : [handler(call.data)];
    this.target.postMessage({channel: CHANNEL, kind: 'reply', id: call.id, responses: responses}, '*');
  };

  function portFor(target) {
    for (var i = 0; i < ports.length; i++) if (ports[i].target === target) return ports[i];
    var port = new Port(target);
    ports.push(port);
    return port;
  }

  window.addEventListener('message', function (event) {
    var message = event.data;
    if (!message || message.channel !== CHANNEL || !event.source) return;
    if (message.kind === 'reply') {
      var callback = replies[message.id];
      delete replies[message.id];
      // As gapi does, a throwing callback stays the caller's problem, not this listener's.
      if (callback) {
        try {
          callback(message.responses);
        } catch (error) {
          console.debug('gapi stand-in: a reply callback threw', error);
        }
      }
      return;
    }
    var port = portFor(event.source);
    if (message.name === '__ping' || port.handlers[message.name]) port.answer(message);
    else (port.waiting[message.name] = port.waiting[message.name] || []).push(message);
  });

  var context = {
    open: function (options, onOpen) {
      var frame = document.createElement('iframe');
      var attributes = options.attributes || {};
      for (var name in attributes) {
        if (name === 'style') {
          for (var property in attributes.style) frame.style[property] = attributes.style[property];
        } else {
          frame.setAttribute(name, attributes[name]);
        }
      }
      frame.src = options.url;
      (options.where || document.body).appendChild(frame);
      var port = portFor(frame.contentWindow);
      return onOpen ? onOpen(port) : Promise.resolve(port);
    },
    getParentIframe: function () {
      return portFor(window.parent);
    },
  };

  var gapi = (window.gapi = window.gapi || {});
  gapi.iframes = {
    Iframe: Port,
    CROSS_ORIGIN_IFRAMES_FILTER: function () {
      return true;
    },
    getContext: function () {
      return context;
    },
  };
  gapi.load = function (_modules, options) {
    var callback = typeof options === 'function' ? options : options && options.callback;
    if (callback) setTimeout(callback, 0);
  };

  // As api.js does: call ?onload=<name> (the SDK's way) or window.gapi_onload (the emulator's).
  var script = document.currentScript;
  var onload = script && script.src ? new URL(script.src).searchParams.get('onload') : null;
  setTimeout(function () {
    if (onload && typeof window[onload] === 'function') window[onload]();
    else if (typeof window.gapi_onload === 'function') window.gapi_onload();
  }, 0);
})();
