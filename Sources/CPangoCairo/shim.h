#ifndef BETALT_CPANGOCAIRO_SHIM_H
#define BETALT_CPANGOCAIRO_SHIM_H

// Pango (text layout) on cairo (PDF output), for BetaltDocuments' letter PDFs.
// Packages: libpango1.0-dev, libcairo2-dev (and a font, e.g. fonts-dejavu-core).
#include <glib-object.h>
#include <pango/pango.h>
#include <pango/pangocairo.h>
#include <cairo.h>
#include <cairo-pdf.h>

#endif
