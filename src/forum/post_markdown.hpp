// Forum posts as HTML: a safe Markdown subset rendered with md4c. Raw HTML is
// shown as text, images from elsewhere are dropped (their alt text stays),
// links go only to http, https or mailto and carry rel="nofollow ugc".
#pragma once

#include <string>
#include <string_view>

#include "core/safe_html.hpp"

namespace cairn::forum {

SafeHtml render_post(std::string_view markdown);

// The post as plain text (for search and snippets): no markup, whitespace squeezed.
std::string post_text(std::string_view markdown);

}  // namespace cairn::forum
