/*
 * amazonpay.testing: the simulator's stand-in for Amazon Pay's checkout.js
 * (https://static-na|eu|fe.payments-amazon.com/checkout.js; the simulator serves it at /checkout.js).
 *
 * The browser API a merchant page calls, as Amazon documents it:
 * - amazon.Pay.renderButton(selector, options) and amazon.Pay.initCheckout(options):
 *   developer.amazon.com/docs/amazon-pay-checkout/amazon-pay-script.html ("Render the Amazon Pay
 *   button", its parameters table) and add-the-amazon-pay-button.html ("4. Render the button");
 * - the button object's onClick(callback) and initCheckout({createCheckoutSessionConfig}), for a
 *   payload made at click time: "Decoupling", amazonpay-onboarding.com/en/integration/decoupling
 *   (Amazon Pay's onboarding site);
 * - amazon.Pay.bindChangeAction(selector, {amazonCheckoutSessionId, changeAction}), changeAction
 *   'changeAddress' or 'changePayment': display-shipping-payment-info.html (the buyer returns to
 *   Amazon's page to pick another address or payment instrument, then to checkoutReviewReturnUrl);
 * - amazon.Pay.signout(): amazon-pay-script.html (here: the next checkout asks who signs in).
 *
 * A click sends the options to the simulator's hosted pages (a form POST, so that payloadJSON
 * reaches them byte for byte), where the signature is checked and the Checkout Session made.
 * A misused API throws, naming what is wrong, as Amazon's script reports it.
 */
(function () {
  "use strict";

  // Replaced when the simulator serves this file: where its hosted pages are.
  var SIMULATOR = "__SIMULATOR_ORIGIN__";

  // amazon-pay-script.html, parameters of renderButton / initCheckout. publicKeyId is one of
  // them in add-the-amazon-pay-button.html's current sample ("set checkout environment":
  // merchantId, publicKeyId, ledgerCurrency); earlier samples put it in createCheckoutSessionConfig,
  // which is still read (publicKeyIdOf).
  var CHECKOUT_OPTIONS = [
    "merchantId", "publicKeyId", "ledgerCurrency", "checkoutLanguage", "productType", "placement",
    "buttonColor", "sandbox", "estimatedOrderAmount", "createCheckoutSessionConfig"
  ];
  var BUTTON_COLORS = { Gold: "#f3d078", LightGray: "#e7e9ec", DarkGray: "#565959" };
  var CHANGE_ACTIONS = ["changeAddress", "changePayment"];

  function fail(api, message) {
    throw new Error("amazon.Pay." + api + ": " + message);
  }

  function element(api, selector) {
    var found = typeof selector === "string" ? document.querySelector(selector) : null;
    if (!found) {
      fail(api, "no element matches the selector " + JSON.stringify(selector) + ".");
    }
    return found;
  }

  function checkOptions(api, options) {
    if (!options || typeof options !== "object") {
      fail(api, "the options object is missing.");
    }
    Object.keys(options).forEach(function (name) {
      if (CHECKOUT_OPTIONS.indexOf(name) < 0) {
        fail(api, "unknown option " + name + " (options: " + CHECKOUT_OPTIONS.join(", ") + ").");
      }
    });
    ["merchantId", "ledgerCurrency", "placement"].forEach(function (name) {
      if (!options[name]) {
        fail(api, "Missing field " + name + " in the options object.");
      }
    });
    if (options.buttonColor !== undefined && !(options.buttonColor in BUTTON_COLORS)) {
      fail(api, "buttonColor must be one of " + Object.keys(BUTTON_COLORS).join(", ") + ".");
    }
    var estimate = options.estimatedOrderAmount;
    if (estimate !== undefined && (!estimate || !estimate.amount || !estimate.currencyCode)) {
      fail(api, "estimatedOrderAmount takes {amount, currencyCode}.");
    }
  }

  function checkConfig(api, options, config) {
    if (!config || typeof config !== "object") {
      fail(api, "createCheckoutSessionConfig is missing: it takes payloadJSON, signature (and algorithm).");
    }
    ["payloadJSON", "signature"].forEach(function (name) {
      if (typeof config[name] !== "string" || !config[name]) {
        fail(api, "Missing field createCheckoutSessionConfig." + name + " (a string).");
      }
    });
    var keyId = publicKeyIdOf(options, config);
    if (typeof keyId !== "string" || !keyId) {
      fail(api, "Missing field publicKeyId (a string) in the options object (or in createCheckoutSessionConfig).");
    }
    if (options.publicKeyId !== undefined && config.publicKeyId !== undefined && options.publicKeyId !== config.publicKeyId) {
      fail(api, "publicKeyId differs between the options object and createCheckoutSessionConfig.");
    }
  }

  function publicKeyIdOf(options, config) {
    return config.publicKeyId !== undefined ? config.publicKeyId : options.publicKeyId;
  }

  // Off to Amazon's hosted pages with the button's options.
  function startCheckout(options, config) {
    var fields = {
      merchantId: options.merchantId,
      ledgerCurrency: options.ledgerCurrency,
      checkoutLanguage: options.checkoutLanguage,
      productType: options.productType,
      placement: options.placement,
      buttonColor: options.buttonColor,
      sandbox: options.sandbox === undefined ? undefined : String(options.sandbox),
      estimatedOrderAmount: options.estimatedOrderAmount ? JSON.stringify(options.estimatedOrderAmount) : undefined,
      payloadJSON: config.payloadJSON,
      signature: config.signature,
      publicKeyId: publicKeyIdOf(options, config),
      algorithm: config.algorithm,
      buttonPage: window.location.href
    };
    var form = document.createElement("form");
    form.method = "POST";
    form.action = SIMULATOR + "/buyer/button";
    form.acceptCharset = "UTF-8";
    form.style.display = "none";
    Object.keys(fields).forEach(function (name) {
      if (fields[name] === undefined || fields[name] === null) {
        return;
      }
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = fields[name];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
  }

  function renderButton(selector, options) {
    var container = element("renderButton", selector);
    checkOptions("renderButton", options);
    if (options.createCheckoutSessionConfig !== undefined) {
      checkConfig("renderButton", options, options.createCheckoutSessionConfig);
    }
    var color = options.buttonColor || "Gold";
    var button = document.createElement("div");
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", "Amazon Pay");
    button.className = "amazonpay-button-view1";
    button.textContent = "amazon pay";
    button.style.cssText =
      "display:flex;align-items:center;justify-content:center;min-width:150px;height:45px;" +
      "border-radius:4px;font:bold 16px sans-serif;cursor:pointer;user-select:none;" +
      "background:" + BUTTON_COLORS[color] + ";color:" + (color === "DarkGray" ? "#fff" : "#111") + ";";
    container.replaceChildren(button);

    var onClick = null;
    var handle = {
      // Decoupled checkout: the page makes the payload on click, then calls initCheckout.
      onClick: function (callback) {
        if (typeof callback !== "function") {
          fail("renderButton", "onClick takes a function.");
        }
        onClick = callback;
      },
      initCheckout: function (initOptions) {
        var config = initOptions && initOptions.createCheckoutSessionConfig;
        checkConfig("renderButton(...).initCheckout", options, config);
        startCheckout(options, config);
      }
    };
    function clicked() {
      if (onClick) {
        onClick();
        return;
      }
      if (options.createCheckoutSessionConfig === undefined) {
        fail("renderButton", "createCheckoutSessionConfig is missing and no onClick handler calls initCheckout.");
      }
      startCheckout(options, options.createCheckoutSessionConfig);
    }
    button.addEventListener("click", clicked);
    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        clicked();
      }
    });
    return handle;
  }

  function initCheckout(options) {
    checkOptions("initCheckout", options);
    checkConfig("initCheckout", options, options.createCheckoutSessionConfig);
    startCheckout(options, options.createCheckoutSessionConfig);
  }

  function bindChangeAction(selector, options) {
    var target = element("bindChangeAction", selector);
    // The wording of Amazon's own script for a missing field.
    ["amazonCheckoutSessionId", "changeAction"].forEach(function (name) {
      if (!options || !options[name]) {
        fail("bindChangeAction", "Missing field " + name +
          " in the options object in amazon.Pay.bindChangeAction(selector, options) API.");
      }
    });
    if (CHANGE_ACTIONS.indexOf(options.changeAction) < 0) {
      fail("bindChangeAction", "changeAction must be one of " + CHANGE_ACTIONS.join(", ") + ".");
    }
    target.addEventListener("click", function (event) {
      event.preventDefault();
      window.location.href = SIMULATOR + "/buyer/choose?amazonCheckoutSessionId=" +
        encodeURIComponent(options.amazonCheckoutSessionId) +
        "&changeAction=" + encodeURIComponent(options.changeAction);
    });
  }

  // Signs the buyer out of Amazon: the next checkout asks who signs in.
  function signout() {
    return fetch(SIMULATOR + "/buyer/signout", { method: "POST", mode: "no-cors", credentials: "include" })
      .then(function () { return undefined; });
  }

  window.amazon = window.amazon || {};
  window.amazon.Pay = {
    renderButton: renderButton,
    initCheckout: initCheckout,
    bindChangeAction: bindChangeAction,
    signout: signout
  };
})();
