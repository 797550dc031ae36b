# The backend of deploy/varnish/default.vcl: HAProxy of deploy/cluster.sh,
# which spreads the requests over the Zope processes (DAKTO_HAPROXY_PORT,
# default 8080). Replace it to put Varnish in front of a single Zope process.
backend default {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 5s;
    .first_byte_timeout = 120s;
    .between_bytes_timeout = 60s;
    .probe = {
        .url = "/dakto/@@ok";
        .interval = 5s;
        .timeout = 3s;
        .window = 5;
        .threshold = 2;
    }
}
