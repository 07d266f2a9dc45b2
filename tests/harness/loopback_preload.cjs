// Loaded with `node --require` before the gateway starts. The gateway calls
// server.listen(port, undefined, callback), which binds every interface; this
// makes any TCP listen() call that names no host bind 127.0.0.1 instead.
"use strict";

const net = require("net");

const LOOPBACK = "127.0.0.1";
const originalListen = net.Server.prototype.listen;

function isPort(value) {
  return typeof value === "number" || (typeof value === "string" && /^\d+$/.test(value));
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  if (first !== null && typeof first === "object" && !Array.isArray(first)) {
    if (first.host === undefined && first.path === undefined && first.fd === undefined) {
      args[0] = { ...first, host: LOOPBACK };
    }
  } else if (isPort(first) || first === undefined) {
    if (args[1] === undefined || args[1] === null) {
      args[1] = LOOPBACK;
    } else if (typeof args[1] !== "string") {
      args.splice(1, 0, LOOPBACK);
    }
  }
  return originalListen.apply(this, args);
};
