await import("./lib/server/users");
console.log("users ok");
await import("./lib/server/action");
console.log("action ok");
