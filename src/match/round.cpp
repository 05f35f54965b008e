#include "match/round.h"

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>

namespace knooppunt::match {

// The flow network: source → person (capacity max_matches) → posting (1, cost −weight) →
// sink (spots), and source → sink (everyone, cost 0), so that unused supply goes around the
// pairs and nobody is forced into one. Supply at the source equals demand at the sink.
Result<RoundResult> SolveRound(std::span<const Candidate> candidates,
                               std::span<const int> person_capacity,
                               std::span<const int> posting_spots) {
  using Graph = lemon::SmartDigraph;
  for (int capacity : person_capacity) {
    if (capacity < 0) return InvalidArgument("person_capacity", "a capacity must be >= 0");
  }
  for (int spots : posting_spots) {
    if (spots < 0) return InvalidArgument("posting_spots", "a number of spots must be >= 0");
  }
  for (const Candidate& candidate : candidates) {
    if (candidate.person < 0 || static_cast<size_t>(candidate.person) >= person_capacity.size() ||
        candidate.posting < 0 || static_cast<size_t>(candidate.posting) >= posting_spots.size()) {
      return InvalidArgument("candidates", "a candidate names a person or posting out of range");
    }
  }

  Graph graph;
  graph.reserveNode(static_cast<int>(person_capacity.size() + posting_spots.size()) + 2);
  graph.reserveArc(
      static_cast<int>(candidates.size() + person_capacity.size() + posting_spots.size()) + 1);
  Graph::Node source = graph.addNode(), sink = graph.addNode();
  std::vector<int> person_node(person_capacity.size(), -1), posting_node(posting_spots.size(), -1);
  // Capacities and costs by arc id, copied into LEMON's maps once the graph is complete.
  std::vector<int> upper;
  std::vector<int64_t> cost;
  std::vector<int> pair_arc(candidates.size(), -1);
  int64_t supply = 0;

  auto add_arc = [&](Graph::Node from, Graph::Node to, int capacity, int64_t arc_cost) {
    int id = graph.id(graph.addArc(from, to));
    upper.push_back(capacity);
    cost.push_back(arc_cost);
    return id;
  };
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& candidate = candidates[i];
    int capacity = person_capacity[candidate.person], spots = posting_spots[candidate.posting];
    if (candidate.weight() <= 0 || capacity == 0 || spots == 0) continue;
    int& person = person_node[candidate.person];
    if (person < 0) {
      Graph::Node node = graph.addNode();
      person = graph.id(node);
      add_arc(source, node, capacity, 0);
      supply += capacity;
    }
    int& posting = posting_node[candidate.posting];
    if (posting < 0) {
      Graph::Node node = graph.addNode();
      posting = graph.id(node);
      add_arc(node, sink, spots, 0);
    }
    pair_arc[i] = add_arc(graph.nodeFromId(person), graph.nodeFromId(posting), 1,
                          -static_cast<int64_t>(candidate.weight()));
  }
  if (supply > INT32_MAX) return InvalidArgument("person_capacity", "capacities sum too high");
  add_arc(source, sink, static_cast<int>(supply), 0);

  Graph::ArcMap<int> upper_map(graph);
  Graph::ArcMap<int64_t> cost_map(graph);
  for (Graph::ArcIt arc(graph); arc != lemon::INVALID; ++arc) {
    upper_map[arc] = upper[graph.id(arc)];
    cost_map[arc] = cost[graph.id(arc)];
  }
  Graph::NodeMap<int> supply_map(graph, 0);
  supply_map[source] = static_cast<int>(supply);
  supply_map[sink] = -static_cast<int>(supply);

  lemon::NetworkSimplex<Graph, int, int64_t> solver(graph);
  auto outcome = solver.upperMap(upper_map).costMap(cost_map).supplyMap(supply_map).run();
  if (outcome != lemon::NetworkSimplex<Graph, int, int64_t>::OPTIMAL) {
    return Internal("the matching round has no optimal flow");
  }

  RoundResult result;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (pair_arc[i] < 0) continue;
    ++result.candidate_pairs;
    if (solver.flow(graph.arcFromId(pair_arc[i])) > 0) {
      const Candidate& candidate = candidates[i];
      result.assignments.push_back(
          Assignment{candidate.person, candidate.posting, candidate.score});
      result.total_score += candidate.score;
      result.total_weight += candidate.weight();
    }
  }
  std::sort(result.assignments.begin(), result.assignments.end(),
            [](const Assignment& a, const Assignment& b) {
              return a.person != b.person ? a.person < b.person : a.posting < b.posting;
            });
  return result;
}

}  // namespace knooppunt::match
