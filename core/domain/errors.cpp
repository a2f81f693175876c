// Anchors the domain library so it always has an object file.
#include "core/domain/errors.hpp"
