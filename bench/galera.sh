# Sourced by bench/two-nodes --galera: a MariaDB Galera cluster of its own on free loopback ports, each node with its
# own data folder and configuration under a folder the caller names; the shared MariaDB on 3306 is never touched.
# As root the servers run as mysql, as Debian's do (rsync's daemon, which receives a state transfer, would otherwise
# switch to nobody and could not write the data folder). bootstrap's OwnGaleraCluster starts the same for the tests.
# galera_start DIR SIZE sets galera_ports (the nodes' SQL ports) and galera_pids; galera_stop kills them.

galera_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

galera_start() {
  local dir=$1 size=$2 user=mysql members="" i
  [ "$(id -u)" -eq 0 ] || user=$(id -un)
  [ -e /usr/lib/galera/libgalera_smm.so ] && command -v rsync >/dev/null \
    || { echo "galera: needs Debian's galera-4 and rsync (apt-get install galera-4 rsync)" >&2; return 1; }
  chmod o+x "$(dirname "$dir")" && mkdir -p "$dir" && chown "$user" "$dir"
  galera_ports=() galera_pids=()
  local group=() ist=() sst=()
  for ((i = 1; i <= size; i++)); do
    galera_ports+=("$(galera_free_port)"); group+=("$(galera_free_port)"); ist+=("$(galera_free_port)"); sst+=("$(galera_free_port)")
    members+="${members:+,}127.0.0.1:${group[-1]}"
  done
  for ((i = 1; i <= size; i++)); do
    cat > "$dir/node$i.cnf" <<CNF
[mysqld]
datadir=$dir/node$i
socket=$dir/node$i.sock
pid-file=$dir/node$i.pid
log-error=$dir/node$i.err
port=${galera_ports[i-1]}
bind-address=127.0.0.1
user=$user
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
innodb_buffer_pool_size=128M
max_connections=300
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=minipass_bench_$$
wsrep_cluster_address=gcomm://$members
wsrep_node_name=node$i
wsrep_node_address=127.0.0.1:${group[i-1]}
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:${group[i-1]};ist.recv_addr=127.0.0.1:${ist[i-1]};gcache.size=64M"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:${sst[i-1]}
CNF
  done
  mariadb-install-db --defaults-file="$dir/node1.cnf" --user="$user" --auth-root-authentication-method=normal \
    --skip-test-db > "$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; return 1; }
  for ((i = 1; i <= size; i++)); do
    if [ "$i" -gt 1 ]; then mkdir -p "$dir/node$i" && chown "$user" "$dir/node$i"; fi
    /usr/sbin/mariadbd --defaults-file="$dir/node$i.cnf" $([ "$i" -eq 1 ] && echo --wsrep-new-cluster) > "$dir/node$i.out" 2>&1 &
    galera_pids+=($!)
    galera_await_synced "${galera_ports[i-1]}" "$i" || { tail -20 "$dir/node$i.err" >&2; return 1; }
  done
}

galera_await_synced() {
  local port=$1 members=$2 state
  for _ in $(seq 1 300); do
    state=$(mariadb --protocol=tcp -h 127.0.0.1 -P "$port" -u root -N -e \
      "SELECT GROUP_CONCAT(VARIABLE_VALUE ORDER BY VARIABLE_NAME) FROM information_schema.GLOBAL_STATUS
       WHERE VARIABLE_NAME IN ('wsrep_cluster_size', 'wsrep_local_state_comment')" 2>/dev/null || true)
    [[ "$state" =~ ^([0-9]+),Synced$ ]] && [ "${BASH_REMATCH[1]}" -ge "$members" ] && return 0
    sleep 0.2
  done
  echo "galera: the node on port $port is not synced" >&2
  return 1
}

galera_stop() {
  local pid
  for pid in "${galera_pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for pid in "${galera_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
