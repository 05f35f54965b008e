// The demo's supply and demand behind `knooppunt demo`: requests and offers of the demo
// organisations and of a few fictional people (a prayer room wanted by a congregation, a hall to
// let, language buddies, volunteers for a welcome day, bicycles, help with forms …), and
// fictional people who agreed to be matched, so that a help desk can try a matching round at
// once. The demo accounts cannot sign in (no password). Identical on every run.
// Thread-safety: as the store.
#pragma once

#include "domain/result.h"

namespace knooppunt::store {
class Store;
}

namespace knooppunt::app {

// Writes the demo accounts, postings and profiles; a second run changes nothing. Needs the demo
// social map (BuildDemoData) in the store first: postings of organisations refer to it.
Status LoadDemoExchange(store::Store& store);

}  // namespace knooppunt::app
