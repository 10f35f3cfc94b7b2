'use strict';
// The official Amazon Pay Node SDK, unpatched, driven through the integration flows against
// `python -m amazonpay.testing --tls` via the SDK's own service-URL override.
//
//   SERVICE=127.0.0.1:PORT KEY_ID=... KEY_FILE=... ALGORITHM=AMZN-PAY-RSASSA-PSS node flows.js
//
// Prints one JSON line per call ({"step", "status", "ok"}) and a final {"summary"} line;
// exits 1 if any call did not answer as the service would.
const fs = require('fs');
const crypto = require('crypto');
const { WebStoreClient } = require('@amazonpay/amazon-pay-api-sdk-nodejs');

const env = (name) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
};
const service = env('SERVICE');
const client = new WebStoreClient({
    publicKeyId: env('KEY_ID'),
    privateKey: fs.readFileSync(env('KEY_FILE')),
    region: 'us',
    sandbox: true,
    algorithm: env('ALGORITHM'),
    overrideServiceUrl: service,
});

const results = [];
const key = () => crypto.randomUUID().replace(/-/g, '');
// Both header spellings callers use: the README's lower case, and the capitalised form, which
// the SDK keeps as written in SignedHeaders.
const lower = () => ({ 'x-amz-pay-idempotency-key': key() });
const capital = () => ({ 'X-Amz-Pay-Idempotency-Key': key() });
const money = (amount) => ({ amount, currencyCode: 'USD' });
const REVIEW = 'https://shop.example/review';
const RESULT = 'https://shop.example/result';

function check(step, status, ok, detail) {
    results.push({ step, status, ok });
    console.log(JSON.stringify({ step, status, ok, detail: ok ? undefined : detail }));
}

async function call(step, expected, promise, verify = () => true) {
    let response;
    try {
        response = await promise;
    } catch (error) {
        const got = error.response ? error.response.status : 'no answer';
        const data = error.response ? error.response.data : String(error);
        check(step, got, false, data);
        return null;
    }
    const ok = response.status === expected && verify(response.data);
    check(step, response.status, ok, response.data);
    return response.data;
}

async function refused(step, status, reasonCode, promise) {
    try {
        const response = await promise;
        check(step, response.status, false, response.data);
    } catch (error) {
        const got = error.response ? error.response.status : 'no answer';
        const data = error.response ? error.response.data : String(error);
        check(step, got, got === status && data.reasonCode === reasonCode, data);
    }
}

async function approve(step, sessionId) {
    // The buyer's browser step: the simulator's control endpoint (no SDK has one). Its answer
    // carries the buyerToken Amazon Sign-in would hand over, for Get Buyer.
    const response = await fetch(`https://${service}/_sandbox/checkoutSessions/${sessionId}/approve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ buyer: { name: 'Node Buyer' } }),
    });
    const data = await response.json();
    const buyerToken = response.headers.get('x-sandbox-buyer-token');
    check(step, response.status, response.status === 200 && data.buyer.name === 'Node Buyer' && Boolean(buyerToken), data);
    return buyerToken;
}

async function session(label, amount, intent, type = 'OneTime') {
    const body = {
        webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW, checkoutResultReturnUrl: RESULT },
        storeId: 'amzn1.application-oa2-client.interop',
        chargePermissionType: type,
        paymentDetails: { paymentIntent: intent, chargeAmount: money(amount) },
    };
    if (type === 'Recurring') {
        // How often the subscription charges, as Amazon's recurring pages set it (the session
        // has the RecurringFrequencyNotSet constraint until it is set).
        body.recurringMetadata = { frequency: { unit: 'Month', value: '1' }, amount: money(amount) };
    }
    const headers = capital();
    const created = await call(`${label}: create checkout session`, 201, client.createCheckoutSession(body, headers),
        (data) => data.statusDetails.state === 'Open');
    if (!created) return null;
    await call(`${label}: create checkout session again (same key, replayed)`, 200,
        client.createCheckoutSession(body, headers), (data) => data.checkoutSessionId === created.checkoutSessionId);
    return created.checkoutSessionId;
}

async function oneTime() {
    const id = await session('one-time', '14.00', 'Authorize');
    if (!id) return;
    await call('one-time: get checkout session', 200, client.getCheckoutSession(id),
        (data) => data.constraints.some((c) => c.constraintId === 'BuyerNotAssociated'));
    await call('one-time: update checkout session', 200,
        client.updateCheckoutSession(id, { merchantMetadata: { merchantReferenceId: 'order-1' } }),
        (data) => data.merchantMetadata.merchantReferenceId === 'order-1');
    await approve('one-time: buyer approves (control endpoint)', id);
    const done = await call('one-time: complete checkout session', 200,
        client.completeCheckoutSession(id, { chargeAmount: money('14.00') }, lower()),
        (data) => data.statusDetails.state === 'Completed' && Boolean(data.chargeId));
    if (!done) return;
    const permissionId = done.chargePermissionId;
    const chargeId = done.chargeId;
    await call('one-time: get charge permission', 200, client.getChargePermission(permissionId),
        (data) => data.statusDetails.state === 'Chargeable');
    await call('one-time: update charge permission', 200,
        client.updateChargePermission(permissionId, { merchantMetadata: { merchantStoreName: 'Interop' } }),
        (data) => data.merchantMetadata.merchantStoreName === 'Interop');
    await call('one-time: get charge', 200, client.getCharge(chargeId),
        (data) => data.statusDetails.state === 'Authorized');
    await call('one-time: capture charge', 200,
        client.captureCharge(chargeId, { captureAmount: money('14.00'), softDescriptor: 'INTEROP' }, capital()),
        (data) => data.statusDetails.state === 'Captured');
    const refund = await call('one-time: create refund', 201,
        client.createRefund({ chargeId, refundAmount: money('4.00') }, lower()),
        (data) => data.refundAmount.amount === '4.00');
    if (refund) {
        await call('one-time: get refund', 200, client.getRefund(refund.refundId),
            (data) => data.statusDetails.state === 'Refunded');
    }
}

async function cancel() {
    const id = await session('cancel', '20.00', 'Authorize');
    if (!id) return;
    await approve('cancel: buyer approves (control endpoint)', id);
    const done = await call('cancel: complete checkout session', 200,
        client.completeCheckoutSession(id, { chargeAmount: money('20.00') }, capital()));
    if (!done) return;
    await call('cancel: cancel charge', 200,
        client.cancelCharge(done.chargeId, { cancellationReason: 'Out of stock' }),
        (data) => data.statusDetails.state === 'Canceled');
    await refused('cancel: capture a canceled charge', 422, 'InvalidChargeStatus',
        client.captureCharge(done.chargeId, { captureAmount: money('20.00') }, lower()));
}

async function recurring() {
    const id = await session('recurring', '9.99', 'Confirm', 'Recurring');
    if (!id) return;
    await approve('recurring: buyer approves (control endpoint)', id);
    const done = await call('recurring: complete checkout session', 200,
        client.completeCheckoutSession(id, { chargeAmount: money('9.99') }, lower()),
        (data) => !data.chargeId);
    if (!done) return;
    const permissionId = done.chargePermissionId;
    for (const month of [1, 2]) {
        await call(`recurring: charge month ${month}`, 201,
            client.createCharge({ chargePermissionId: permissionId, chargeAmount: money('9.99'), captureNow: true },
                month === 1 ? capital() : lower()),
            (data) => data.statusDetails.state === 'Captured');
    }
    await refused('recurring: charge with simulation code SoftDeclined', 422, 'SoftDeclined',
        client.createCharge({ chargePermissionId: permissionId, chargeAmount: money('9.99') },
            { ...lower(), 'x-amz-pay-simulation-code': 'SoftDeclined' }));
    await refused('recurring: a simulation code create charge does not know', 400, 'InvalidSandboxSimulationSpecified',
        client.createCharge({ chargePermissionId: permissionId, chargeAmount: money('9.99') },
            { ...lower(), 'x-amz-pay-simulation-code': 'BuyerCanceled' }));
    await call('recurring: close charge permission', 200,
        client.closeChargePermission(permissionId, { closureReason: 'Subscription canceled' }),
        (data) => data.statusDetails.state === 'Closed');
}

async function buyNow() {
    // Buy Now: the session is created with its payment details, the buyer approves, the
    // merchant verifies amount and address with Finalize (no redirect, no complete).
    const created = await call('buy now: create checkout session with payment details', 201,
        client.createCheckoutSession({
            webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW },
            storeId: 'amzn1.application-oa2-client.interop',
            paymentDetails: { paymentIntent: 'Authorize', chargeAmount: money('25.00') },
        }, capital()),
        (data) => data.statusDetails.state === 'Open');
    if (!created) return;
    const id = created.checkoutSessionId;
    const buyerToken = await approve('buy now: buyer approves (control endpoint)', id);
    await call('buy now: get buyer', 200, client.getBuyer(buyerToken),
        (data) => data.name === 'Node Buyer' && data.shippingAddress.postalCode === data.postalCode);
    const session = await call('buy now: get checkout session', 200, client.getCheckoutSession(id),
        (data) => Boolean(data.shippingAddress));
    if (!session) return;
    const address = session.shippingAddress;
    await refused('buy now: finalize with another amount', 400, 'InvalidParameterValue',
        client.finalizeCheckoutSession(id,
            { chargeAmount: money('24.00'), paymentIntent: 'Authorize', shippingAddress: address }, lower()));
    await refused('buy now: finalize with another address', 400, 'InvalidParameterValue',
        client.finalizeCheckoutSession(id,
            { chargeAmount: money('25.00'), paymentIntent: 'Authorize', shippingAddress: { ...address, city: 'Elsewhere' } }));
    const done = await call('buy now: finalize checkout session', 200,
        client.finalizeCheckoutSession(id,
            { chargeAmount: money('25.00'), paymentIntent: 'Authorize', shippingAddress: address }, lower()),
        (data) => data.statusDetails.state === 'Completed' && Boolean(data.chargeId));
    if (!done) return;
    await call('buy now: get charge', 200, client.getCharge(done.chargeId),
        (data) => data.statusDetails.state === 'Authorized');
    await call('buy now: update charge (PSP cancels)', 200,
        client.updateCharge(done.chargeId, { statusDetails: { state: 'Canceled', reasonCode: 'ExpiredUnused' } }),
        (data) => data.statusDetails.state === 'Canceled' && data.statusDetails.reasonCode === 'ExpiredUnused');
    const tracking = `1Z${key().slice(0, 16).toUpperCase()}`;
    const tracker = { chargePermissionId: done.chargePermissionId,
        deliveryDetails: [{ trackingNumber: tracking, carrierCode: 'UPS' }] };
    await call('buy now: delivery tracker', 200, client.deliveryTrackers(tracker),
        (data) => data.deliveryDetails[0].trackingNumber === tracking);
    await refused('buy now: the same tracking number again', 400, 'InvalidParameterValue',
        client.deliveryTrackers(tracker));
}

async function delegated() {
    // A solution provider: exchange the merchant's MWS token, then call with x-amz-pay-authtoken.
    const exchanged = await call('delegated: get authorization token', 200,
        client.getAuthorizationToken(`amzn.mws.${crypto.randomUUID()}`, 'A1NODEMERCHANT'),
        (data) => typeof data.authorizationToken === 'string');
    if (!exchanged) return;
    const body = { webCheckoutDetails: { checkoutReviewReturnUrl: REVIEW }, storeId: 'amzn1.application-oa2-client.interop' };
    await call('delegated: create checkout session with the token', 201,
        client.createCheckoutSession(body, { ...lower(), 'x-amz-pay-authtoken': exchanged.authorizationToken }),
        (data) => data.statusDetails.state === 'Open');
    await refused('delegated: a token that was not issued', 401, 'UnauthorizedAccess',
        client.createCheckoutSession(body, { ...lower(), 'x-amz-pay-authtoken': 'Atza|not-issued' }));
}

(async () => {
    await oneTime();
    await cancel();
    await recurring();
    await buyNow();
    await delegated();
    const failed = results.filter((r) => !r.ok).length;
    console.log(JSON.stringify({ summary: { calls: results.length, failed } }));
    process.exit(failed ? 1 : 0);
})().catch((error) => {
    console.log(JSON.stringify({ summary: { calls: results.length, failed: -1, error: String(error) } }));
    process.exit(1);
});
