<?php
// Loads the official Amazon Pay PHP SDK without Composer (no machine that runs the tests reaches
// a Composer registry): phpseclib 3 from Debian's php-phpseclib3, the SDK's Amazon\Pay\API\
// classes from the folder the test unpacked the release tar into (AMAZON_PAY_PHP_SDK), checked
// against sdk.manifest before this runs. This file is ours, not the SDK's.
declare(strict_types=1);

$phpseclib = '/usr/share/php/phpseclib3/autoload.php';
if (!is_file($phpseclib)) {
    fwrite(STDERR, "$phpseclib not found: install Debian's php-phpseclib3 (nox -s interop does)\n");
    exit(2);
}
require_once $phpseclib;

$sdk = getenv('AMAZON_PAY_PHP_SDK');
if ($sdk === false || !is_dir($sdk . '/Amazon/Pay/API')) {
    fwrite(STDERR, "AMAZON_PAY_PHP_SDK must name the unpacked SDK (the folder holding Amazon/Pay/API)\n");
    exit(2);
}
spl_autoload_register(static function (string $class) use ($sdk): void {
    $prefix = 'Amazon\\Pay\\API\\';
    if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
        return;
    }
    $file = $sdk . '/Amazon/Pay/API/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    if (is_file($file)) {
        require_once $file;
    }
});
