'use strict';
// AWS's own SNS message validator (npm sns-validator, unpatched) over messages from stdin:
//
//   {"certUrl": "...", "pem": "...", "messages": [{"name": "...", "body": "..."}]} | node sns.js
//
// Only the network is replaced: https.get answers the certificate for certUrl and 404 for any
// other URL, so the validator's own URL check, canonical string and signature check all run.
// Prints one JSON line per message: {"name", "ok", "error"}.
const https = require('https');
const { EventEmitter } = require('events');

const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
https.get = (url, callback) => {
    const request = new EventEmitter();
    process.nextTick(() => {
        const response = new EventEmitter();
        response.statusCode = url === input.certUrl ? 200 : 404;
        callback(response);
        if (response.statusCode === 200) response.emit('data', Buffer.from(input.pem));
        response.emit('end');
    });
    return request;
};
const MessageValidator = require('sns-validator');
const validator = new MessageValidator();

(async () => {
    for (const message of input.messages) {
        // Some URLs make the validator throw (url.parse on bad punycode) rather than call back.
        const error = await new Promise((resolve) => {
            try {
                validator.validate(message.body, (err) => resolve(err));
            } catch (thrown) {
                resolve(new Error(`threw ${thrown.code || thrown.name}`));
            }
        });
        console.log(JSON.stringify({ name: message.name, ok: !error, error: error ? error.message : null }));
    }
})();
