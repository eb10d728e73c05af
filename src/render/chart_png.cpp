#include "render/chart_png.h"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

namespace toteuma {

namespace {

template <typename T, void (*F)(T*)>
struct Deleter {
  void operator()(T* p) const { F(p); }
};
void unref_handle(RsvgHandle* h) { g_object_unref(h); }
using Handle = std::unique_ptr<RsvgHandle, Deleter<RsvgHandle, unref_handle>>;
using Surface = std::unique_ptr<cairo_surface_t, Deleter<cairo_surface_t, cairo_surface_destroy>>;
using Context = std::unique_ptr<cairo_t, Deleter<cairo_t, cairo_destroy>>;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string svg_to_png(const std::string& svg, int width_px) {
  if (width_px < 1 || width_px > 10000) throw std::runtime_error("svg_to_png: width out of range");
  GError* err = nullptr;
  Handle h(rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &err));
  if (!h) {
    std::string msg = err ? err->message : "unknown error";
    if (err) g_error_free(err);
    throw std::runtime_error("svg_to_png: cannot read SVG: " + msg);
  }
  // The aspect ratio from the viewBox (our charts have no width/height), else the size.
  gboolean has_viewbox = FALSE;
  RsvgRectangle vb{};
  rsvg_handle_get_intrinsic_dimensions(h.get(), nullptr, nullptr, nullptr, nullptr, &has_viewbox, &vb);
  double w = 0, hgt = 0;
  if (has_viewbox) {
    w = vb.width;
    hgt = vb.height;
  } else if (!rsvg_handle_get_intrinsic_size_in_pixels(h.get(), &w, &hgt)) {
    throw std::runtime_error("svg_to_png: the SVG has neither a viewBox nor a size");
  }
  if (!(w > 0) || !(hgt > 0)) throw std::runtime_error("svg_to_png: the SVG has an empty size");
  int height_px = std::max(1, static_cast<int>(std::lround(width_px * hgt / w)));

  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width_px, height_px));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("svg_to_png: cannot create the image");
  Context cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  RsvgRectangle viewport{0, 0, static_cast<double>(width_px), static_cast<double>(height_px)};
  if (!rsvg_handle_render_document(h.get(), cr.get(), &viewport, &err)) {
    std::string msg = err ? err->message : "unknown error";
    if (err) g_error_free(err);
    throw std::runtime_error("svg_to_png: cannot draw SVG: " + msg);
  }
  cairo_surface_flush(surface.get());
  std::string png;
  if (cairo_surface_write_to_png_stream(surface.get(), append, &png) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("svg_to_png: cannot write PNG");
  return png;
}

}  // namespace toteuma
