// OpenSSL's libcrypto (Debian's libssl-dev, which libpq-dev already brings): SHA-256 for the
// journal's hash chain.
#include <openssl/sha.h>
