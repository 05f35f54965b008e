// The demo social map behind `knooppunt demo`: some 180 organisations with their services and
// locations in five regions (Haaglanden, Utrecht, Enschede, Groningen, Friesland), fictional but
// realistic, and identical on every run and every machine. Thread-safety: a pure function.
#pragma once

#include <vector>

#include "domain/model.h"

namespace knooppunt::app {

// Every record of the demo social map (not the reference taxonomies), in Table order, each passing
// domain::Validate. Ids are NameUuid("demo:<kind>:<key>"), so loading it twice changes nothing.
// Never fails at run time; throws std::logic_error only if its constant tables contradict each
// other (an unknown city, service or language key), which demo_data_test catches.
std::vector<domain::Record> BuildDemoData();

}  // namespace knooppunt::app
