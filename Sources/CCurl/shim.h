#ifndef BETALT_CCURL_SHIM_H
#define BETALT_CCURL_SHIM_H

#include <curl/curl.h>
#include <sys/types.h>

/*
 * curl_easy_setopt and curl_easy_getinfo are variadic C functions, which Swift
 * cannot call. These typed wrappers give Swift one entry point per argument kind.
 */

static inline CURLcode betalt_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode betalt_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode betalt_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode betalt_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode betalt_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/* Callback signatures: (buffer, size, nitems, userdata) -> bytes handled. */
typedef size_t (*betalt_curl_read_callback)(char *buffer, size_t size, size_t nitems, void *userdata);
typedef size_t (*betalt_curl_write_callback)(char *buffer, size_t size, size_t nitems, void *userdata);
typedef int (*betalt_curl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *userdata);

static inline CURLcode betalt_curl_setopt_read_function(CURL *handle, betalt_curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

static inline CURLcode betalt_curl_setopt_write_function(CURL *handle, betalt_curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode betalt_curl_setopt_debug_function(CURL *handle, betalt_curl_debug_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
}

static inline CURLcode betalt_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode betalt_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
