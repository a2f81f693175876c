// A stored file sent back as a download (evidence of a task, proof kept with a finding).
#pragma once

#include "core/http/reply.hpp"
#include "core/services/evidence_service.hpp"

namespace patrol::api {

// application/octet-stream with the name it was stored under as the download's name; the bytes
// are streamed from disk when the answer is written.
http::Reply fileDownload(const services::EvidenceFile& file);

}  // namespace patrol::api
