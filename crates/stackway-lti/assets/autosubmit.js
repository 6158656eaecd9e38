// Sends the signed deep linking response back to the platform without an extra click; the
// button stays for browsers without script.
document.getElementById("autosubmit").submit();
