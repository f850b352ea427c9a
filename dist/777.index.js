export const id = 777;
export const ids = [777];
export const modules = {

/***/ 6158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scanChangedFiles: () => (/* binding */ scanChangedFiles)
});

// EXTERNAL MODULE: external "node:path/posix"
var posix_ = __webpack_require__(1535);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/commit/scan.ts
var scan = __webpack_require__(2320);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/commit/gzip-members.ts



/** The bytes one gzip file is decompressed to at most; past it (a bomb, or a huge log) the scan fails closed. */
const MAX_GUNZIPPED = 256 * 1024 * 1024;
const BLOCK = 512;
const GZIP_MAGIC = [0x1f, 0x8b, 0x08];
/** A PAX header's records read at most (a long path is a few KiB). */
const MAX_PAX = 64 * 1024;
/**
 * Issue 33: a value written into a gzip file (a precompressed asset, a rotated log, a `.tar.gz`) is
 * committed as bytes no form matches. Walks the tar stream the engine sends by its headers' sizes alone
 * (Go's archive/tar: each entry on a 512-byte block; no entry stream, the raw search stays the cheap
 * one) and searches each regular file that starts with the gzip magic, decompressed, at most
 * MAX_GUNZIPPED bytes of it.
 */
class GzipMembers {
    forms;
    maxOut;
    header = Buffer.alloc(0);
    remaining = 0;
    /** Bytes to the next block boundary: skipped once the entry's data has been read. */
    padding = 0;
    paddingAfter = 0;
    entry;
    nextName;
    /** A PAX `size` record: the next entry's size when its header's field cannot hold it (over 8 GiB). */
    nextSize;
    inflated = 0;
    found = [];
    constructor(forms, maxOut = MAX_GUNZIPPED) {
        this.forms = forms;
        this.maxOut = maxOut;
    }
    async push(chunk) {
        let i = 0;
        while (i < chunk.length) {
            if (this.padding > 0) {
                const n = Math.min(this.padding, chunk.length - i);
                this.padding -= n;
                i += n;
            }
            else if (this.remaining > 0) {
                const n = Math.min(this.remaining, chunk.length - i);
                await this.data(chunk.subarray(i, i + n));
                this.remaining -= n;
                i += n;
                if (this.remaining === 0) {
                    this.padding = this.paddingAfter;
                    await this.endEntry();
                }
            }
            else {
                const n = Math.min(BLOCK - this.header.length, chunk.length - i);
                this.header = Buffer.concat([this.header, chunk.subarray(i, i + n)]);
                i += n;
                if (this.header.length === BLOCK)
                    await this.startEntry(this.header);
            }
        }
    }
    /** The stream ended: a member still open (a cut archive, which the caller refuses anyway) is closed. */
    async end() {
        if (this.entry)
            await this.endEntry();
    }
    async startEntry(block) {
        this.header = Buffer.alloc(0);
        if (block.every(b => b === 0))
            return;
        const size = this.nextSize ?? entrySize(block.subarray(124, 136));
        const type = String.fromCharCode(block[156]);
        const named = this.nextName ?? headerName(block);
        this.nextName = undefined;
        this.nextSize = undefined;
        this.entry = { name: named, regular: type === '0' || type === '\0' || type === '7', head: Buffer.alloc(0) };
        if (type === 'x' || type === 'L')
            this.entry.names = [];
        this.remaining = size;
        this.paddingAfter = (BLOCK - (size % BLOCK)) % BLOCK;
        if (size === 0)
            await this.endEntry();
    }
    async data(bytes) {
        const e = this.entry;
        if (e.names) {
            if (e.names.reduce((n, b) => n + b.length, 0) < MAX_PAX)
                e.names.push(bytes);
            return;
        }
        if (!e.regular || e.member === null)
            return;
        if (e.member === undefined) {
            e.head = Buffer.concat([e.head, bytes]);
            if (e.head.length < GZIP_MAGIC.length)
                return;
            e.member = GZIP_MAGIC.every((b, k) => e.head[k] === b) ? this.open() : null;
            if (e.member)
                await write(e.member, e.head);
            return;
        }
        await write(e.member, bytes);
    }
    open() {
        const gunzip = external_node_zlib_.createGunzip();
        const m = { gunzip, search: new scan/* FileSearch */.Xq(this.forms), out: 0, tooLarge: false, done: Promise.resolve() };
        gunzip.on('data', (b) => {
            m.out += b.length;
            this.inflated += b.length;
            if (m.out > this.maxOut || this.inflated > this.maxOut * 4) {
                m.tooLarge = true;
                gunzip.destroy();
                return;
            }
            m.search.push(b);
        });
        // A corrupt or truncated gzip file is searched as far as it decompresses.
        m.done = new Promise(resolve => {
            gunzip.on('end', resolve);
            gunzip.on('close', resolve);
            gunzip.on('error', () => resolve());
        });
        return m;
    }
    async endEntry() {
        const e = this.entry;
        this.entry = undefined;
        if (!e)
            return;
        if (e.names) {
            const text = Buffer.concat(e.names);
            this.nextName = longName(text) ?? this.nextName;
            const size = /(?:^|\n)\d+ size=(\d+)\n/.exec(text.toString('utf8'));
            if (size)
                this.nextSize = Number(size[1]);
        }
        const m = e.member;
        if (!m)
            return;
        if (!m.gunzip.destroyed)
            m.gunzip.end();
        await m.done;
        if (m.tooLarge) {
            throw new errors/* ActionError */.lZ(`predeploy wrote ${e.name}, a gzip file that decompresses to more than ${formatBytes(this.maxOut)}` +
                `${m.out <= this.maxOut ? ` (with the gzip files before it, more than ${formatBytes(this.maxOut * 4)})` : ''}, so the scan cannot say it holds no secret. ` +
                'Write it outside the image (a volume through run-args), or make it smaller');
        }
        if (m.search.found !== undefined)
            this.found.push({ name: e.name, owner: m.search.found });
    }
}
/**
 * Writes to the member and waits until zlib took it (its own backpressure), or until the member
 * stopped: on corrupt data zlib destroys the stream without calling the write's callback.
 */
function write(m, bytes) {
    if (m.gunzip.destroyed || m.gunzip.writableEnded)
        return Promise.resolve();
    return Promise.race([new Promise(resolve => m.gunzip.write(bytes, () => resolve())), m.done]);
}
/** A header's size field: octal text, or base-256 when its first byte has the high bit (over 8 GiB). */
function entrySize(field) {
    if (field[0] & 0x80)
        return field.subarray(1).reduce((n, b) => n * 256 + b, field[0] & 0x7f);
    const text = field
        .toString('latin1')
        .replace(/[\0 ]+$/g, '')
        .trim();
    return text === '' ? 0 : parseInt(text, 8);
}
/** The ustar name: prefix and name, NUL-terminated fields. */
function headerName(block) {
    const field = (from, to) => {
        const b = block.subarray(from, to);
        const nul = b.indexOf(0);
        return b.subarray(0, nul < 0 ? b.length : nul).toString('utf8');
    };
    const name = field(0, 100);
    const prefix = block.subarray(257, 262).toString('latin1') === 'ustar' ? field(345, 500) : '';
    return prefix ? `${prefix}/${name}` : name;
}
/** A PAX header's `path` record, or a GNU long name's text. */
function longName(data) {
    const pax = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
    if (pax)
        return pax[1];
    const text = data.toString('utf8').replace(/\0+$/, '');
    return /^\d+ \w+=/.test(text) ? undefined : text || undefined;
}
function formatBytes(n) {
    return n >= 1 << 20 ? `${n >> 20} MiB` : `${n} bytes`;
}

;// CONCATENATED MODULE: ./src/commit/scan-changes.ts





/** Archives read side by side: enough to hide the engine's latency, few enough to stay light. */
const PARALLEL = 4;
/**
 * design.md §4.6: reads back only what the predeploy task changed (its diff, then one archive per
 * changed subtree) and searches each archive's bytes as they stream for every masked form: the files'
 * contents, and also their names, link targets and attributes, all of which a commit keeps. An archive
 * is parsed only when a form is in it, to say which file (issue 22: parsing every entry of a large
 * change cost more than the engine's own read). Resolves to the files that hold one, each with whose
 * value it is.
 */
async function scanChangedFiles(api, container, forms, initMounted) {
    if (forms.size === 0)
        return { findings: [], paths: 0, bytes: 0 };
    const changes = await api.changes(container);
    const roots = (0,scan/* pathsToRead */.Of)(changes, initMounted);
    // Every changed name, as the engine lists it in full (an archive splits a long one at a '/').
    const named = changes.filter(c => c.Kind !== 2).flatMap(c => nameFinding(forms, c.Path));
    const hits = [];
    const gzipped = [];
    let bytes = 0;
    let next = 0;
    const worker = async () => {
        while (next < roots.length) {
            const root = roots[next++];
            const tar = await api.archive(container, root);
            // The engine listed it as changed but cannot read it back: never a clean read.
            if (!tar)
                throw new errors/* DockerError */.Bi(unreadable(root));
            const read = await searchArchive(tar, forms, root);
            bytes += read.bytes;
            if (read.owner !== undefined)
                hits.push({ root, owner: read.owner });
            gzipped.push(...read.gzipped.map(g => ({ file: posix_.join(posix_.dirname(root), g.name), owner: g.owner })));
        }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, roots.length) }, worker));
    const located = (await Promise.all(hits.map(h => locate(api, container, h, forms)))).flat();
    const findings = [...named, ...[...located, ...gzipped].filter(f => !named.some(n => n.file === f.file))];
    findings.sort((a, b) => (a.file < b.file ? -1 : 1));
    return { findings, paths: roots.length, bytes };
}
function nameFinding(forms, file) {
    const owner = (0,scan/* namesHolding */.Wf)(forms, [file]);
    return owner === undefined ? [] : [{ file, owner, part: 'name' }];
}
/**
 * The engine's change list is JSON, where a name that is not UTF-8 arrives with U+FFFD in place of its
 * bytes: the archive of that path is then not found.
 */
function unreadable(root) {
    return (`the engine lists ${JSON.stringify(root)} among the predeploy task's changes but cannot read it back` +
        `${root.includes('\uFFFD') ? ' (a file name that is not UTF-8)' : ''}: the scan cannot say it holds no secret. Make the task write names in UTF-8`);
}
/**
 * One archive searched as it streams, its gzip files decompressed too (gzip-members.ts). One that does
 * not end as a tar ends is an error, never a clean read.
 */
async function searchArchive(tar, forms, root) {
    const search = new scan/* FileSearch */.Xq(forms);
    const members = new GzipMembers(forms);
    let bytes = 0;
    let end = Buffer.alloc(0);
    for await (const chunk of tar) {
        bytes += chunk.length;
        search.push(chunk);
        await members.push(chunk);
        end = chunk.length >= 1024 ? chunk.subarray(chunk.length - 1024) : Buffer.concat([end, chunk]).subarray(-1024);
    }
    if (!(0,scan/* isWholeTar */.ZX)(bytes, end))
        throw new errors/* DockerError */.Bi(`the archive of ${root} the engine sent is cut short (${bytes} bytes): the scan cannot say it is clean`);
    await members.end();
    return { owner: search.found, bytes, gzipped: members.found };
}
/**
 * A form is in the archive of `hit.root`: read it again, parsed, to name the files whose content, name
 * or link target holds it. When no entry does (a form across an entry's end and the next header, or in
 * an attribute), the finding is the subtree itself.
 */
async function locate(api, container, hit, forms) {
    const { extract: tarExtract } = await __webpack_require__.e(/* import() */ 118).then(__webpack_require__.t.bind(__webpack_require__, 6118, 19));
    const found = [];
    const tar = await api.archive(container, hit.root);
    if (tar) {
        const extract = tarExtract();
        extract.on('entry', (header, stream, done) => {
            const file = posix_.join(posix_.dirname(hit.root), header.name);
            const named = (0,scan/* namesHolding */.Wf)(forms, [header.name, header.linkname ?? '']);
            if (named !== undefined)
                found.push({ file, owner: named, part: 'name' });
            if (header.type !== 'file') {
                stream.on('end', done).resume();
                return;
            }
            const search = new scan/* FileSearch */.Xq(forms);
            stream.on('data', b => search.push(b));
            stream.on('end', () => {
                if (search.found !== undefined)
                    found.push({ file, owner: search.found });
                done();
            });
        });
        await (0,promises_.pipeline)(tar, extract);
    }
    return found.length > 0 ? found : [{ file: hit.root, owner: hit.owner, part: 'archive' }];
}


/***/ })

};
