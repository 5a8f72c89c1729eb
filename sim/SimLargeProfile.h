#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace hlc::sim {

class SimDocker;
class SimHomelab;
class SimPrometheus;

/**
 * @brief The generated data of the `large` profile (issue 13): a homelab far bigger than the two-host seed, to
 * find what stalls or grows in the app at that size.
 *
 * Everything here is a pure function of fixed seeds: two starts give the same nodes, guests, stacks, containers and
 * alerts, and the churn picks the same guests and containers at the same simulated time. Generating it all takes a
 * few milliseconds (plain loops, no JSON).
 */
namespace large {

inline constexpr int kClusters = 2;
inline constexpr int kNodesPerCluster = 10;
inline constexpr int kGuestsPerNode = 100; ///< 2,000 guests in all
inline constexpr int kEnvironments = 6;    ///< Portainer environments, on the first three nodes of each cluster
inline constexpr int kStacksPerEnvironment = 50;
inline constexpr int kContainersPerEnvironment = 500;
inline constexpr int kHomeAssistantEntities = 5000;
inline constexpr int kHomeAssistantChangesPerSecond = 50;
inline constexpr int kActiveAlerts = 300;
inline constexpr double kAlertShiftSeconds = 3.0; ///< one alert resolves and one fires every 3 s: 20 new per minute
inline constexpr int kGpus = 8;
inline constexpr int kLoadedModels = 12;
inline constexpr int kHealthProbes = 60;
inline constexpr double kChurnSeconds = 5.0; ///< the app's default refresh interval
inline constexpr int kGuestsChurned = 6;     ///< per churn step: started or stopped
inline constexpr int kContainersChurned = 6; ///< per churn step: restarted (one per environment)

/// "alpha" or "beta".
[[nodiscard]] QString clusterName(int cluster);
/// The host id of node @p index (0-based) of @p cluster: the first node of each cluster keeps the seed's ids
/// "host-a" and "host-b" (where AdGuard, Home Assistant, Ollama and the agents live), the rest are "host-a02" ...
[[nodiscard]] QString hostId(int cluster, int index);

/// 20 nodes in two clusters with 100 guests each (VMs and containers, mostly running), their storages, metrics
/// computed once. Node 0 of cluster "beta" carries the 8 GPUs.
[[nodiscard]] SimHomelab* createHomelab(QObject* parent = nullptr);

/// Environment @p endpointId (1..kEnvironments): 50 stacks with 500 containers (a few exited, some with health
/// checks). Container ids are unique across environments.
[[nodiscard]] SimDocker* createDocker(int endpointId, QObject* parent = nullptr);

/// Every kChurnSeconds of simulated time: kGuestsChurned guests start or stop and kContainersChurned containers
/// restart, picked by a seeded generator. Lives as long as @p lab.
void installChurn(SimHomelab* lab, const QList<SimDocker*>& dockers);

/// The alerting rule "ServiceDegraded": kActiveAlerts alerts firing at any time, drawn from a ring of label sets
/// that moves on by one every kAlertShiftSeconds (one resolves, one fires).
void installAlerts(SimPrometheus* prometheus, const QStringList& instances);

} // namespace large

} // namespace hlc::sim
