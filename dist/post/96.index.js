export const id = 96;
export const ids = [96];
export const modules = {

/***/ 96:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openSsh: () => (/* binding */ openSsh)
/* harmony export */ });
/* unused harmony exports confinedConfig, connectError */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(916);





/**
 * design.md §12, ADR 0010: one SSH connection per run. A master connection is opened first (host key
 * checked, never trusted on first use; key from the step env through a private ssh-agent, or the
 * runner's agent), the engine's unix socket on the host is forwarded to a socket in the run's private
 * directory, and every docker child, buildx and the Engine API use that socket. Forwarded channels are
 * not sessions, so sshd's MaxSessions never pushes a busy build onto new connections, and the host
 * starts no `docker system dial-stdio` per call.
 */
async function openSsh(a, s, dir, env) {
    const agent = s.sshKeyVar ? await startAgent(s.sshKeyVar, dir, env) : undefined;
    try {
        const known = knownHostsFile(s, dir);
        if (known)
            node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync(known, s.knownHosts.replace(/\r\n/g, '\n') + '\n', { mode: 0o600 });
        // The run's directory is plain (run-record.ts socketDir): its paths need no quoting in a config line.
        node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync(node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, 'ssh_config'), confinedConfig(node_os__WEBPACK_IMPORTED_MODULE_2__.userInfo().homedir, known), { mode: 0o600 });
        const ssh = sshCommand(a, s, dir, agent?.socket, env);
        const master = await ssh.connect(['-f', '-N', '-M', '-E', node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, 'ssh.log')], undefined, true);
        if (master.code !== 0)
            throw connectError(a, readLog(dir) || master.stderr);
        const remote = a.socket || (await remoteSocket(a, ssh));
        const socket = node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, 'docker.sock');
        const fwd = await ssh.control(['-O', 'forward', '-L', `${socket}:${remote}`]);
        if (fwd.code !== 0) {
            await ssh.control(['-O', 'exit']);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DockerError */ .Bi(`the Docker host ${a.url}: could not forward its engine socket ${remote} (${lastOf(fwd.stderr)}); sshd must allow stream-local forwarding`);
        }
        return {
            socket,
            expose: async (port) => {
                // Port 0: the host picks a free one and ssh prints it; the engine then reaches 127.0.0.1:<it>.
                const r = await ssh.control(['-O', 'forward', '-R', `127.0.0.1:0:127.0.0.1:${port}`]);
                const there = Number(r.stdout.trim());
                if (r.code !== 0 || !(there > 0))
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DockerError */ .Bi(`could not forward port ${port} to the Docker host ${a.url} (${lastOf(r.stderr)})`);
                return { port: there, close: async () => void (await ssh.control(['-O', 'cancel', '-R', `127.0.0.1:${there}:127.0.0.1:${port}`])) };
            },
            close: async () => {
                await ssh.control(['-O', 'exit']);
                agent?.stop();
            }
        };
    }
    catch (e) {
        agent?.stop();
        throw e;
    }
}
/**
 * What the runner's ssh configuration may not decide (design.md §12.2, issue 33): the connection
 * carries the engine socket and the action's own forwards, nothing else. Command-line options win
 * over any ssh_config entry. The agent (the deploy key's, or the runner's) authenticates and is never
 * forwarded: ssh refuses a host's agent channel unless ForwardAgent is on, so a hostile host cannot
 * borrow the key. No X11, no tunnel device, no GSSAPI delegation, no local or remote command, no key
 * added to the runner's agent, no TTY.
 */
const CONFINED = [
    'ForwardAgent=no',
    'ForwardX11=no',
    'ForwardX11Trusted=no',
    'Tunnel=no',
    'GSSAPIDelegateCredentials=no',
    'PermitLocalCommand=no',
    'RemoteCommand=none',
    'AddKeysToAgent=no',
    'RequestTTY=no',
    'GatewayPorts=no'
];
/**
 * How host keys are checked, for the engine host and a jump host alike: nobody is asked and no key is
 * trusted on first use; with docker-known-hosts (its file in the run's directory), nothing else vouches
 * for a key either (a review: KnownHostsCommand, DNS).
 */
function hostKeyOptions(knownHosts) {
    const only = knownHosts ? [`UserKnownHostsFile=${knownHosts}`, 'GlobalKnownHostsFile=/dev/null', 'KnownHostsCommand=none', 'VerifyHostKeyDNS=no'] : [];
    return ['BatchMode=yes', 'StrictHostKeyChecking=yes', 'UpdateHostKeys=no', ...only];
}
/** The run's copy of docker-known-hosts, when it was given. */
const knownHostsFile = (s, dir) => (s.knownHosts ? node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, 'known_hosts') : undefined);
/**
 * The configuration file the connecting ssh reads (`-F`): the confinement first (the first value of an
 * option wins), then the runner's own files as ssh reads them without -F. ssh hands `-F` on to the ssh
 * it starts for a ProxyJump, whose connection must not forward the agent either (a review: a hostile
 * jump host could use the deploy key through it).
 */
function confinedConfig(home, knownHosts) {
    // Every host, a ProxyJump's too: the options of the engine host's command line.
    const options = [...CONFINED.filter(o => !o.startsWith('RemoteCommand')), 'ClearAllForwardings=yes', ...hostKeyOptions(knownHosts)];
    return [
        "# release-phase (design.md §12.2): what the runner's configuration may not decide, then that configuration",
        'Host *',
        ...options.map(o => `  ${o.replace('=', ' ')}`),
        // The account's home, as ssh's `~` without -F (not HOME: a container job sets another).
        `Include "${home}/.ssh/config"`,
        'Include /etc/ssh/ssh_config',
        ''
    ].join('\n');
}
/**
 * The options every ssh of the run gets. The runner's ssh_config still decides how to reach the host
 * (HostName, Port, User, IdentityFile, ProxyJump, ProxyCommand, ciphers and the like) for the two
 * commands that may connect: the master and the engine-socket question through it (`connect`), whose
 * LocalForward, RemoteForward and DynamicForward entries are cleared. The control commands (`control`:
 * -O forward, cancel, exit) only talk to the master's socket; they read no ssh_config at all, since a
 * forward there would be sent to the master beside the action's.
 */
function sshCommand(a, s, dir, agentSocket, env) {
    const options = [
        ...CONFINED,
        ...hostKeyOptions(knownHostsFile(s, dir)),
        'ControlMaster=no',
        'ConnectTimeout=30',
        'ServerAliveInterval=15',
        'ServerAliveCountMax=3',
        'ExitOnForwardFailure=yes',
        'StreamLocalBindUnlink=yes',
        `ControlPath=${node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, 'ssh-mux')}`,
        ...(agentSocket ? [`IdentityAgent=${agentSocket}`] : [])
    ];
    const argv = [...options.flatMap(o => ['-o', o]), ...(a.port ? ['-p', String(a.port)] : []), ...(a.user ? ['-l', a.user] : [])];
    const childEnvironment = sshEnv(env, agentSocket);
    const host = a.host.replace(/^\[(.*)\]$/, '$1');
    return {
        connect: (args, remoteCommand, background = false) => run('ssh', ['-F', node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, 'ssh_config'), '-o', 'ClearAllForwardings=yes', ...argv, ...args, '--', host, ...(remoteCommand ? [remoteCommand] : [])], childEnvironment, undefined, background),
        control: (args) => run('ssh', ['-F', '/dev/null', ...argv, ...args, '--', host], childEnvironment)
    };
}
/**
 * The socket the host's own docker CLI talks to (its DOCKER_HOST or context, else /var/run/docker.sock),
 * asked once through the master; its absence is the "no docker on the host" error.
 */
async function remoteSocket(a, ssh) {
    const r = await ssh.connect([], `docker context inspect --format '{{.Endpoints.docker.Host}}'`);
    const host = r.stdout.trim();
    if (r.code === 127 || /not found/.test(r.stderr)) {
        await ssh.control(['-O', 'exit']);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DockerError */ .Bi(`the Docker host ${a.url} has no docker CLI on the SSH user's PATH (${lastOf(r.stderr)}); install Docker there, or name its engine socket: ssh://host/path/to/docker.sock`);
    }
    if (r.code !== 0 || !host.startsWith('unix:///')) {
        await ssh.control(['-O', 'exit']);
        const why = r.code !== 0 ? lastOf(r.stderr) : `its docker CLI uses ${host.slice(0, 100)}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DockerError */ .Bi(`the Docker host ${a.url}: could not tell its engine socket (${why}); name it: ssh://host/path/to/docker.sock`);
    }
    return host.slice('unix://'.length);
}
/** A private ssh-agent holding the key from the step env: the key never touches a disk or an argv. */
async function startAgent(name, dir, env) {
    const key = env[name]; // set: checked with the address (address.ts checkEngineInputs)
    const socket = node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, 'agent.sock');
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore', detached: true, env: sshEnv(env, socket) });
    child.on('error', () => undefined);
    const stop = () => void child.kill('SIGTERM');
    for (let i = 0; !node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync(socket); i++) {
        if (i > 250 || child.exitCode !== null) {
            stop();
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ('docker-ssh-key: could not start ssh-agent (is openssh-client installed?)');
        }
        await new Promise(r => setTimeout(r, 20));
    }
    // Secrets often lose the key's last newline, which OpenSSH needs; CRLF from a Windows editor too.
    const text = key.replace(/\r\n/g, '\n').replace(/\n?$/, '\n');
    const added = await run('ssh-add', ['-q', '-'], sshEnv(env, socket), text);
    if (added.code !== 0) {
        stop();
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`docker-ssh-key: ${name} does not hold a private key ssh-add accepts (${lastOf(added.stderr)}); a key with a passphrase cannot be used here`);
    }
    return { socket, stop };
}
/**
 * The environment of ssh, ssh-agent and ssh-add: what OpenSSH reads, nothing else. The master lives as
 * long as the run, so the step env (every task value) must not be copied into it.
 */
function sshEnv(env, agentSocket) {
    const keep = ['PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'TMPDIR'];
    const out = Object.fromEntries(keep.filter(k => env[k] !== undefined).map(k => [k, env[k]]));
    const agent = agentSocket ?? env.SSH_AUTH_SOCK;
    return { ...out, ...(agent ? { SSH_AUTH_SOCK: agent } : {}), SSH_ASKPASS_REQUIRE: 'never' };
}
/** The connection's failure in the user's terms; ssh's own last line is kept. */
function connectError(a, log) {
    const last = lastOf(log);
    if (/REMOTE HOST IDENTIFICATION HAS CHANGED/.test(log)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DockerError */ .Bi(`the Docker host ${a.url} presented a host key other than the known one (${last}); if the host was rebuilt, update docker-known-hosts from a trusted source`);
    }
    if (/Host key verification failed|No \S+ host key is known/.test(log)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DockerError */ .Bi(`the Docker host ${a.url} is not a known host (${last}); give its public key in docker-known-hosts (ssh-keyscan${a.port ? ` -p ${a.port}` : ''} ${a.host}, checked out of band) or add it to ~/.ssh/known_hosts`);
    }
    if (/Permission denied/.test(log))
        return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DockerError */ .Bi(`the Docker host ${a.url} refused the SSH key (${last}); check docker-ssh-key or the runner's ssh-agent`);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DockerError */ .Bi(`cannot connect to the Docker host ${a.url} over SSH: ${last || 'ssh failed'}`);
}
function readLog(dir) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync(node_path__WEBPACK_IMPORTED_MODULE_3__.join(dir, 'ssh.log'), 'utf8');
    }
    catch {
        return '';
    }
}
/** ssh's last words, bounded (a log can be long). */
function lastOf(text) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLine */ .fM)(text).slice(0, 300);
}
/**
 * Runs a short command; `input` goes to its stdin. `background`: the master (-f with -E, its words in
 * the log file), which gets no pipe of ours: a ProxyJump's ssh, its child, would hold one open for the
 * whole run; it is done when the command it started exits.
 */
function run(bin, args, env, input, background = false) {
    return new Promise(resolve => {
        const stdio = background ? 'ignore' : 'pipe';
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(bin, args, { env, stdio: [input === undefined ? 'ignore' : 'pipe', stdio, stdio], detached: true });
        let stdout = '';
        let stderr = '';
        child.stdout?.on('data', (b) => (stdout += b.toString()));
        child.stderr?.on('data', (b) => (stderr += b.toString()));
        child.on('error', e => resolve({ code: 127, stdout, stderr: `${bin}: ${e.message}` }));
        child.on(background ? 'exit' : 'close', code => resolve({ code: code ?? 1, stdout, stderr }));
        if (input !== undefined)
            child.stdin.end(input);
    });
}


/***/ })

};
