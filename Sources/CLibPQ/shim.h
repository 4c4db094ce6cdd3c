// Debian's libpq (libpq-dev): the client library psql and every PostgreSQL tool use.
#include <postgresql/libpq-fe.h>
