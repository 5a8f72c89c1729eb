<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ActionAvailability</name>
    <message>
        <source>The container is being removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker reports an unknown state &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container is paused; Docker does not start a paused container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This guest is a template: templates are cloned, not run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest is locked (%1) until that operation ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest is stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest is paused: resume it or stop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxmox does not know the guest&apos;s state (its node may be offline).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest is in state &quot;%1&quot;: only a hard stop applies.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceText</name>
    <message>
        <source>Proxmox VE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alertmanager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdGuard Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API token secret (a UUID, shown once when the token was created)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API token secret of %1 (a UUID, shown once when the token was created)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Proxmox password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Proxmox password of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Portainer API key (My account → Access tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the AdGuard Home password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the AdGuard Home password of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a long-lived access token (Home Assistant profile → Security)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the agent platform&apos;s bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bearer token of the proxy in front of Ollama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value of the webhook&apos;s authentication header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API token secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bearer token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ActionRunner</name>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shutting down…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebooting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stack %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>container %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host was removed before the action was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 task running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in to Proxmox again failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxmox ticket expired: logging in again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host was removed while the task ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost track of the task: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is still running after %1 s; check it in Proxmox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 task running %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2: %3 finished: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2: %3 failed: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2: %3 done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 is already stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the target&apos;s state on %1 before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AdGuardFilterListModel</name>
    <message>
        <source>%1 (allowlist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AdGuardMonitor</name>
    <message>
        <source>until re-enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing DNS protection on %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdGuard Home action failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS protection on %1 was changed, but its state could not be read back: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the protection state in AdGuard Home before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS protection on %1 is on again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS protection on %1 is paused %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdGuard Home %1 has no pause timer (added in v0.107.27): this app turns protection back on when the pause ends, but only while it is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdGuard Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdGuard Home on %1 accepted the change, but protection is still %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AdGuardQueryLogModel</name>
    <message>
        <source>Rule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AdGuardTopListModel</name>
    <message>
        <source>Queries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AdGuardView</name>
    <message>
        <source>Pause protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for 1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for 10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until re-enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client IP or domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS queries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked by filters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked share:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe browsing / parental:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average processing time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter rules:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause DNS protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause ad and tracker blocking on %1 %2? Every device using this DNS server is affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing protection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming protection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No AdGuard Home is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (showing the last data received)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– (AdGuard Home counts %1 blocked of %2 queries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n enabled list(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>AdGuard Home %1 on %2, DNS %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protection: unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protection: on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protection: paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left (this app ends the pause)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdGuard Home %1 has no pause timer (added in v0.107.27): the app switches protection off and on, and a timed pause is ended by this app, only while it is running. Update AdGuard Home for pauses that end on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AgentRunDialog</name>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AgentRunner</name>
    <message>
        <source>%1 (custom input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent platform is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the run history before starting it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: start unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live log stream failed; polling every 2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live log stream dropped; reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 not cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AgentTrayMenu</name>
    <message>
        <source>Run agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(agents not loaded yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no agent platform configured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚡ %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AgentsTab</name>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run selected: click a preset to start one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s live log appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s output (markdown) appears here when it finishes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel run?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel %1 (%2)? Work done so far is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent platform: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not started: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚡ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n on %1: %2 /webhook/%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading agents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent platform is configured (a service of kind &quot;agents&quot; in the configuration).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**Failed:** %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>*Cancelled.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

*%1 tokens (%2 prompt, %3 completion)%4*
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AlertCenter</name>
    <message>
        <source>Still firing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has stopped firing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence not created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Alertmanager is configured: silences need one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert is no longer known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silenced for %1 from Homelab Control Center by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silenced &quot;%1&quot; for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert silenced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence not expired</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AlertsModel</name>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silenced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inhibited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AlertsView</name>
    <message>
        <source>All hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning and critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence 1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence 4 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system tray is available: alerts and notifications are shown in this window only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silences need an Alertmanager; none is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Prometheus or Alertmanager is configured: there are no alerts to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Alertmanager is configured: alerts come from Prometheus, and cannot be silenced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the silence...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ApiCall</name>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a response larger than %2 MB; it was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The action may or may not have been carried out: check its current state before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was lost after the request was sent, before an answer came.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ApiClient</name>
    <message>
        <source>No valid address is configured for this service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is available for %1: enter it in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with a redirect (HTTP %2); redirects are not followed. Check the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected the credentials (HTTP 401). Check the token or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 denied access (HTTP 403): the account lacks a permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not know %2 (HTTP 404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is rate limiting requests (HTTP 429); retrying later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reported a server error (HTTP %2 %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the request (HTTP %2 %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1: connection refused. Is the service running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection before answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name %1 could not be resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error talking to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AppPreferences</name>
    <message>
        <source>The autostart file %1 could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of %1 could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The autostart file %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AppSession</name>
    <message>
        <source>The configuration was not loaded and has not been changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file has a problem and is left untouched; fix it first: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AttentionBar</name>
    <message>
        <source>%1 on %2: the certificate is not trusted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2: the certificate has CHANGED since you trusted it. Nothing is sent until you decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 needs a secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 refused the stored secret (401).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review changed certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AuditLog</name>
    <message>
        <source>The audit log %1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::AuditLogView</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::CertificateTrustDialog</name>
    <message>
        <source>Certificate changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this certificate?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The certificate of %1 on %2 has changed.&lt;/b&gt; It no longer matches the one you trusted. Nothing is sent to this service (no request, no secret) until you decide. This is expected after the certificate was renewed or the server reinstalled; otherwise someone may be intercepting the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 presented a certificate that is not signed by an authority this computer trusts (self-signed certificates are common in a homelab). Compare the fingerprint below with the one shown on the server before you trust it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (self-signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted (old) SHA-256:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presented (new) SHA-256:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I verified the new certificate on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ConfigReader</name>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true/false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a decimal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unsupported value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong type: expected %1, found %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is missing: add it as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is nested too deeply (more than %1 levels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown service kind &quot;%1&quot;. Use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown auth scheme &quot;%1&quot;. Use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file must contain one JSON object ({ ... }), found %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file was written by a newer version of the application (format %1; this version reads format %2). Update the application; the file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file does not exist. Create it in the application or copy the example configuration to this place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large for a configuration file (more than %1 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: %1. Check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1). Fix the syntax at this position.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1). Fix the value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read as a configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ConfigStore</name>
    <message>
        <source>The configuration at %1 could not be moved to %2: %3 It was left where it is; move it by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your configuration was moved from %1 to %2, where this version keeps it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ConfigValidator</name>
    <message>
        <source>Secrets do not belong in the configuration file: remove &quot;%1&quot; from the file and enter the secret in the application, which keeps it in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service id must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service id &quot;%1&quot; may only contain lower-case letters, digits and &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable address: write an absolute http:// or https:// URL with a host, e.g. https://192.168.16.7:8006/api2/json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timeout %1 ms is out of range: use %2 to %3 milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate pin must be the SHA-256 fingerprint of the server certificate as 64 hexadecimal characters, or empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Portainer environment id must not be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;cluster&quot; applies to Proxmox services only: remove it from this %1 service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster name &quot;%1&quot; must not be blank or start or end with a space: write it exactly as on the other nodes of the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This host is a node of cluster &quot;%1&quot;: set &quot;proxmoxNode&quot; to its PVE node name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node &quot;%1&quot; of cluster &quot;%2&quot; is already host &quot;%3&quot;: give every node of a cluster its own host and node name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file was written by a newer version of the application (format %1; this version reads format %2). Update the application; the file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported format version %1: this version reads format %2. Set &quot;version&quot; to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refresh interval %1 ms is out of range: use %2 to %3 milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host id must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host id &quot;%1&quot; may only contain lower-case letters, digits and &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host id &quot;%1&quot; is already used by hosts[%2]: give every host its own id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service id &quot;%1&quot; is already used by services[%2] of this host: give every service of a host its own id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ConfigWriter</name>
    <message>
        <source>Not saved: the existing file was left untouched because it has a problem: %1 Fix or move the file, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be created. Check the permissions of its parent folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be written: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file permissions cannot be set: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ConnectionTester</name>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write an absolute http:// or https:// URL with a host, e.g. https://192.168.1.10:8006%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret would travel unencrypted over http:// to %1; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use https:// if the service offers it, or tick &quot;allow unencrypted on this network&quot; for this service if you trust every device on the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unencrypted http:// allowed for this service: the secret is readable on the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name resolution of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name could not be resolved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the spelling, or use the host&apos;s IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP connect to %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer to the connection attempt within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the host is on and that no firewall drops the port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection refused: nothing listens there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the port, and that the service is running and listens on this address, not only on localhost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection attempt timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the address and the network path to the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS handshake did not complete within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the port speaks https (try http:// if the service has no TLS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate changed: it is not the one you trusted. Trusted: %1. Now: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent. If you renewed the certificate yourself, compare the new fingerprint on the server and replace the pin; otherwise someone may be in between.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is outside its validity (%1 to %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew the certificate on the server (and check this computer&apos;s clock), or trust this exact certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is not trusted by this system (%1). SHA-256: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one the server shows (e.g. Proxmox: Datacenter &gt; Node &gt; Certificates) and trust this certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is valid but not for &quot;%1&quot;; it names: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use one of the names the certificate is for in the URL, or trust this exact certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the server&apos;s TLS setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent. Verify the new certificate on the server before replacing the pin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pinned certificate (SHA-256 %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate trusted by the system (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL should be the service&apos;s root, e.g. %1://%2:%3 (no path).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL should end in %1, e.g. %2://%3:%4%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant %1 to the user or token (a privilege-separated token needs it on the token too).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key&apos;s user must be a Portainer administrator (or have access to the environment).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the account the permission this service needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access denied (HTTP 403): the credentials are valid but lack a permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access denied (HTTP 403): the credentials lack the privilege %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service rejected the credentials (HTTP 401).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the token id (USER@REALM!TOKENID) and paste the secret again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the user name and enter the secret again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist there (HTTP 404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered, but not with the %2 API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the address the service redirects to (often https:// instead of http://). %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service accepted the connection but did not answer within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that this port is the service&apos;s (not another program&apos;s), or raise the timeout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust the certificate first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service itself has a problem: look at its logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that this port is the service&apos;s and that it speaks %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret was entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the token, key or password for this service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1, node %2 answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n environment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stack(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n target(s) up</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>cluster %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>protection on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protection off</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 loaded, %n model(s) available</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>reachable (%1 answered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not tried</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ContainerLogDialog</name>
    <message>
        <source>Log of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the last 200 lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::Discovery</name>
    <message>
        <source>GET %1 answered HTTP %2 as %3 does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET %1 answered version %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::EnvImport</name>
    <message>
        <source>Text after the closing quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The double quote is not closed (values spanning lines are not supported).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The single quote is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not KEY=value: the line was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reference to another variable, not the secret itself: enter it in the setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n secrets belong to single webhooks: set them per webhook in the settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::GeneralSettingsPage</name>
    <message>
        <source>Start minimised to the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh hosts every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe service health every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health probe timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only when a system tray is there to open the window from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::GpuLlmTab</name>
    <message>
        <source>No GPU metrics yet. GPUs appear here when Prometheus scrapes nvidia_gpu_exporter or dcgm-exporter on a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Prometheus is configured: GPU metrics come from nvidia_gpu_exporter or dcgm-exporter through Prometheus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local LLMs (Ollama)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unload selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure speed of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs one short generation (64 tokens). This loads the model if it is not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unload model?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unload %1 from memory now? The next request that uses it loads it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Ollama service is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama unreachable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama %1 on %2: %3 loaded, %4 in VRAM, %5 installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · GPU %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VRAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utilisation %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VRAM %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU metrics unavailable (values shown are stale): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::GuestInventory</name>
    <message>
        <source>No Portainer environment is configured for this host.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::GuestSummaryLabel</name>
    <message>
        <source>Guests: %1 running, %2 stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stacks: %1 of %2 active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>containers stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster node(s) offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::GuestTableModel</name>
    <message>
        <source>VM %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CT %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LXC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::GuestsView</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shut down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop (hard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, status or tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster %1: %2 · %3 of %4 nodes online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quorate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT quorate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxmox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries of the Proxmox resource list that could not be read: %1 (details in the log).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 running, %2 stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shut down %1 on %2? Its services will be unavailable until it is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1 on %2 immediately? This is like pulling the power plug: unsaved data is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot %1 on %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend (freeze) %1 on %2? Its services stop answering until it is resumed. Proxmox marks container suspend as experimental, and still lists a frozen container as running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend %1 on %2? Its services stop answering until it is resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 on %3…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::HaEntityModel</name>
    <message>
        <source>%1 (waiting for Home Assistant…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::HealthProber</name>
    <message>
        <source>no address configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers (certificate not trusted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PONG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers (password required, PING not authorised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::HomeAssistantLink</name>
    <message>
        <source>Toggle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home Assistant action failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scene %1 activated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script %1 ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation %1 triggered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the connection to Home Assistant was lost after the action was sent, and no state change has been seen since. It may or may not have been carried out: check its state before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the entity&apos;s state in Home Assistant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home Assistant action: outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Home Assistant accepted the action, but no state change followed within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::HomeAssistantView</name>
    <message>
        <source>Toggle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or entity id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: sent to Home Assistant, waiting for the state change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No Home Assistant is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live over WebSocket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebSocket unreachable: reading states over REST (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::Homelab</name>
    <message>
        <source>The configuration could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::HomepageImport</name>
    <message>
        <source>Glances is not supported: its host can be added, and its health probed over Prometheus&apos; node_exporter or a health probe instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Homepage variable, not the secret itself: enter it in the setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>services.yaml should be a list of groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group should be &quot;- Name:&quot; with a list below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>widgets.yaml should be a list of widgets.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::HostChartsView</name>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root disk used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load (1 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk I/O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrape target %1 (%2): up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrape target %1 (%2): %3 - %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no error given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scrape target of Prometheus has the instance %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading metrics of %1 from Prometheus...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus warns: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::HostDetailView</name>
    <message>
        <source>Guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::HostHomeSummary</name>
    <message>
        <source>Services: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Services: all %n answering</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Services: %n down (%1)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>★ %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ %1: unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::HostPanel</name>
    <message>
        <source>⚠ Unencrypted: %1 send their secret over plain http:// (allowed for this network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone on the network between this computer and the host can read these secrets. Use https:// (e.g. through the reverse proxy) and untick &quot;allow unencrypted&quot; in the service&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxmox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Proxmox configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable (stale data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxmox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n CPU(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Proxmox on this host: its services, containers and metrics are shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale: last fresh data %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated at %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::HostSettingsPage</name>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host / service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add host…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove the host %1 and its %n service(s)? Their secrets are deleted from the keychain when you press OK.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the service %1 of %2? Its secret is deleted from the keychain when you press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User / token id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::HostSetupDialog</name>
    <message>
        <source>Add a host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. pve-thinkpad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address or host name, e.g. 192.168.1.10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Primary services host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discover services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks for the usual ports of the supported services on this address only, without sending any credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No supported service answered on %1. Add them by hand below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found: %1. Enter their secrets and test each connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> - OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> - failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret of this service travels unencrypted (http://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the host&apos;s address first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for services on %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the host a name and an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service would send its secret unencrypted over http://. Use https://, or tick &quot;allow unencrypted on this network&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the secret would travel unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration would not be valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available to store the secrets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets could not be stored in the keychain, nothing was saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ImportPlan</name>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user / token id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 would send its secret over plain http://: use https://, or allow it for this service in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ImportPreviewDialog</name>
    <message>
        <source>Import preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each entry found and where it goes. Untick what you do not want, or change its host, service or field. Secrets go to the keychain, never to the configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result would not be a valid configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available to store the secrets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets could not be stored in the keychain, nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported host</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::KeychainUnavailableDialog</name>
    <message>
        <source>Keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without it, secrets you enter cannot be saved. You can keep them in memory for this session only: they are forgotten when the app quits and never written to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep secrets for this session only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::LlmMonitor</name>
    <message>
        <source>Ollama answers /api/version and /api/tags, but not /api/ps: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unloaded: its memory is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not unloaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1 unloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1 not unloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered, but the server did not report timings (no eval_duration): the speed cannot be measured on this server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 tokens/s (%3 tokens in %4 s, load %5 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed of %1 not measured: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::LoadedModelsModel</name>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unloads in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the model runs on the CPU: it does not fit the free VRAM, generation is slower.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::MainWindow</name>
    <message>
        <source>Homelab Control Center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep secrets for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add host…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from a .&amp;env file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a .env file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment files (*.env *.env.* .env*);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from &amp;Homepage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Homepage&apos;s services.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homepage services (services.yaml *.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: simulated homelab on this computer (127.0.0.1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First start: no configuration file yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No configuration loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hosts are configured. Add one under Edit → Settings → Hosts, or start with --demo to see the simulated homelab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU / LLM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdGuard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new host was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This window cannot save the configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is unavailable: %1 Secrets you enter are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::MetricsMonitor</name>
    <message>
        <source>Prometheus answered the metrics query with an unexpected result type (not an instant vector).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus answered the history query with an unexpected result type (not a range vector).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::NotificationSettingsPage</name>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours: only critical alerts notify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When an alert becomes a desktop notification. The alert list always shows every alert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announce “resolved” after it stayed resolved for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notifications within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse into one summary beyond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify again while still firing after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ProbeSettingsPage</name>
    <message>
        <source>Cheap checks that a service answers, without credentials. A host without probes gets one HTTP probe per configured service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New probe</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ProxmoxClusterFeed</name>
    <message>
        <source>The configuration groups these hosts as cluster &quot;%1&quot;, but Proxmox reports a standalone node: each host&apos;s guests may be missing. Remove &quot;cluster&quot; from their Proxmox services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration names the cluster &quot;%1&quot;, but Proxmox calls it &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ProxmoxHistoryChart</name>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory used %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2: memory %3 (%4 of %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2: CPU %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::PveumCommands</name>
    <message>
        <source>No token found: paste the whole output of &quot;pveum user token add&quot;, including the lines &quot;full-tokenid&quot; and &quot;value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a token id of the form USER@REALM!TOKENID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token value is not a UUID as pveum prints it: copy it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::RunHistoryModel</name>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::SecretEntryDialog</name>
    <message>
        <source>Enter secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) on %3 needs %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service refused the stored secret (HTTP 401). Enter the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is stored for this service yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is kept in the system keychain (in session-only mode: in memory until the app quits), never in the configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::SecretStore</name>
    <message>
        <source>No secret is kept for %1 in this session. Enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is stored for %1 in the keychain. Enter it to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain reported an error for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available on this system. Install and start a Secret Service such as GNOME Keyring or KWallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No D-Bus session is running, so the system keychain cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Secret Service is running (org.freedesktop.secrets). Start GNOME Keyring or KWallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain is locked. Unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ServiceDirectory</name>
    <message>
        <source>No secret stored for this service yet: enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted (self-signed or unknown issuer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 changed: it is not the one you trusted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ServiceHealthModel</name>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ServiceSetupPage</name>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxmox API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxmox user + password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User + password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unique on this host: lower-case letters, digits and &quot;-&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User / token id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token, key or password (kept in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow unencrypted on this network (the secret is readable on the wire)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the node name, e.g. pve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: standalone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 192.168.1.10:9100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portainer: create the API key (My account &gt; Access tokens) as a user with the administrator role; a standard user&apos;s key sees only the environments and stacks it was given access to, and cannot start or stop stacks it does not own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home Assistant: create a long-lived access token in your profile (Profile &gt; Security &gt; Long-lived access tokens), ideally for a user made for this app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdGuard Home: the user and password of its web interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Least privilege: create a dedicated read-only API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guests (VM.Audit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage (Datastore.Audit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start/stop guests (VM.PowerMgmt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run these on the node as root (a shell on the node, or Shell in its web UI):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then paste the output of &quot;pveum user token add&quot; here:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged (type to replace the stored secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (http)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trusted by the system, or asked at the first test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: see the step marked Failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token %1 filled in; test the connection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ServicesHealthView</name>
    <message>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n service(s), all answering</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 service(s) down</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health probes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::SourceBanner</name>
    <message>
        <source>Data shown is stale, last fresh at %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::StackTreeModel</name>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in a stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers that belong to no Portainer stack of this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compose project %1 (not a Portainer stack of this host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack / container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::StacksView</name>
    <message>
        <source>Start stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter stacks and containers by name, state or image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 stacks active; containers: %3 running, %4 stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the stack %1 on %2? All of its containers will be stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting stack %1 on %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping stack %1 on %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the container %1 on %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the container %1 on %2?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::TlsRejection</name>
    <message>
        <source>The secure connection to %1 failed: it presented no certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 changed: it is not the one you trusted. New SHA-256 fingerprint: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted (self-signed or unknown issuer). SHA-256 fingerprint: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::TrayIcon</name>
    <message>
        <source>Open Homelab Control Center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firing alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homelab Control Center: no firing alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Homelab Control Center: %n firing alert(s), worst: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>for 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for 4 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No firing alerts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::WebhookActions</name>
    <message>
        <source>No keychain to read the header secret of %1 from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret for the header %1 of %2 is stored (keychain key %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 triggered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in n8n whether the workflow ran before triggering it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::WebhookSettingsPage</name>
    <message>
        <source>Quick actions that call an n8n workflow&apos;s webhook. A header secret is stored in the system keychain, never in the configuration file; leave it empty to keep the stored one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No n8n service is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook %1 of %2: the id must be unique and use only a-z, 0-9 and “-”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook %1 (%2): the webhook path is missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::WelcomePage</name>
    <message>
        <source>Welcome to Homelab Control Center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your hosts, guests, containers, metrics and alerts in one native window. Nothing is configured yet: look around in a simulated homelab first, or add your own Proxmox host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore the demo homelab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts a simulated homelab on this computer (127.0.0.1 only). Nothing is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add my first host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your settings will be saved in the file below. Secrets (tokens, passwords) go to the system keychain, never into that file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::adguard::AdGuardClient</name>
    <message>
        <source>AdGuard Home rejected the user name or password (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::agents</name>
    <message>
        <source>%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an input of this agent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::agents::AgentEventStream</name>
    <message>
        <source>The agent platform sent an event stream line longer than %1 MiB; the stream was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent platform sent an event larger than %1 MiB; the stream was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::agents::AgentsClient</name>
    <message>
        <source>The agent rejected the input: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent cannot take this now (HTTP 409).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent platform rejected the API token (HTTP 401).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::am::AlertmanagerClient</name>
    <message>
        <source>Alertmanager refused (HTTP %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::filePermissions</name>
    <message>
        <source>the file belongs to another user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other users can change the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other users can replace it (its folder is writable by them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration %1 is not protected: %2. Another account could point the app at a server of its own and receive your tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To fix it, run: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::format</name>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ha::HomeAssistantClient</name>
    <message>
        <source>Home Assistant did not complete the WebSocket login in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home Assistant stopped answering (no pong).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to Home Assistant was lost after the action was sent, before an answer came. The action may or may not have been carried out: check its current state before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to Home Assistant was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home Assistant rejected the access token (auth_invalid). Create a new long-lived token under your profile and enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home Assistant refused the action: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home Assistant rejected the access token (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::json</name>
    <message>
        <source>The answer for %1 is nested too deeply (more than %2 levels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer for %1 is not valid JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer for %1 has an unexpected shape.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::n8n::N8nClient</name>
    <message>
        <source>(no response body)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n does not know this webhook (HTTP 404): is the workflow active? %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n8n refused the webhook&apos;s credentials (HTTP %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::ollama::OllamaClient</name>
    <message>
        <source>The proxy in front of Ollama refused %1 with the configured token (HTTP %2). Check the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was refused (HTTP %2). Ollama itself has no login: a proxy in front of it protects this endpoint. Give this service the proxy&apos;s token (auth &quot;bearer&quot;), or let the proxy pass it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::portainer::PortainerClient</name>
    <message>
        <source>Portainer rejected the access token (HTTP 401). Check the API key (it starts with ptr_).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Portainer user of this token is not allowed to do this (HTTP 403).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portainer denied this (HTTP 403): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portainer does not know this object (HTTP 404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portainer: %1 (HTTP 404)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portainer refused the request (HTTP %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::probejson</name>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true/false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong type: expected %1, found %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is missing: add it as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown probe kind &quot;%1&quot;. Use one of: http, tcp, redis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health check interval %1 ms is out of range: use %2 to %3 milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health check timeout %1 ms is out of range: use %2 to %3 milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The probe needs a name, e.g. &quot;Grafana&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A probe address must not contain a user name or password: probes never send credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable address for an HTTP probe: write an absolute http:// or https:// URL, e.g. http://192.168.16.7:3000/api/health.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable address for a %2 probe: write %2://HOST:PORT, e.g. %2://192.168.17.1:5432.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::prom::PrometheusClient</name>
    <message>
        <source>Prometheus answered with an error (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::prom::parser</name>
    <message>
        <source>Prometheus answered with an error (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::pve::ProxmoxClient</name>
    <message>
        <source>Proxmox rejected the user name or password (HTTP 401). Check the user (USER@REALM) and its password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Proxmox account %1 uses two-factor authentication (%2): the password alone cannot log in. Create an API token for the app in Proxmox (Datacenter &gt; Permissions &gt; API Tokens) and use it instead of the password (auth &quot;pve-token&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxmox rejected the login ticket (HTTP 401): it expired or the node restarted. The app logs in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxmox rejected the API token (HTTP 401 authentication failure). Check the token ID and secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Proxmox token lacks the privilege %1 for this action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Proxmox token is not allowed to do this (HTTP 403).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::pve::ProxmoxTicketSession</name>
    <message>
        <source>No password stored for this Proxmox user yet: enter it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hlc::shell</name>
    <message>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The simulated homelab did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run on the built-in simulated homelab (loopback only; no real homelab needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a PNG of the main window once the first data has arrived (or of the welcome page on a first start), then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up waiting for data after this many seconds (default 20).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Native control center for a Proxmox homelab: live host panels, safe actions, alerts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
