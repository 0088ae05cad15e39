#ifndef BETALT_CLIBXML2_SHIM_H
#define BETALT_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, and its encoding header then pulls in ICU's headers, which clash
   with the ICU that Foundation carries. Betalt never touches libxml2's encoding handlers (the only
   structures that change with ICU), so the ICU parts are left out of what Swift sees. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#endif
