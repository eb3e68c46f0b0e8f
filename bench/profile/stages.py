#!/usr/bin/env python3
"""Per-stage breakdown of a dotnet-trace speedscope file: each running sample goes to the deepest pipeline stage on its stack."""
import json, sys, re, collections
data = json.load(open(sys.argv[1])); frames=[f['name'] for f in data['shared']['frames']]
STAGES=[l.split('=',1) for l in '''endpoint: json serialization=System\.Text\.Json\.Serialization|JsonSerializer|HttpResultsHelper|Ok`1\.ExecuteAsync
endpoint: marten query=Marten\.Linq|MartenLinqQueryProvider|QuerySession\.ExecuteReader|Npgsql
endpoint: marten session open=DocumentStore\.(QuerySession|LightweightSession|OpenSession|IdentitySession)|SessionOptions|TownshipSessionFactory|ISessionFactory
endpoint: module code=Modular\.Modules\.
endpoint: request delegate & binding=RequestDelegateFactory|lambda_method|Http\.Generated|EndpointMiddleware
di: autofac=^Autofac
di: ms=Microsoft\.Extensions\.DependencyInjection
gate: request text=RequestTextGate
antiforgery=Antiforgery
output cache=OutputCach
authorization=Authorization
access: user lookup & module gate=TownshipAccessMiddleware|UserDirectory|CurrentUser
rate limit=RateLimit
cookie: session check=SessionRegistry
cookie: ticket decryption=DataProtection|Cryptography|TicketDataFormat|SecureDataFormat|TicketSerializer
cookie: authentication=Authentication
township resolution=TownshipResolution|TownshipDirectory|TownshipCache
routing=Routing|Matcher|DfaMatcher
static files=StaticFile
localization=Localization
problem/status pages=ProblemMapping|StatusCodePages|DatabaseOutage|ExceptionHandler
request log=Serilog|RequestLogging|DiagnosticContext
correlation=CorrelationMiddleware|Correlation
security headers=SecurityHeaders
hosting/kestrel=Server\.Kestrel|HostingApplication|Hosting\.Internal|System\.IO\.Pipelines|System\.Net\.Sockets|SocketAsync
thread pool and timers, no request on the stack (spinning for work)=PortableThreadPool\+WorkerThread|Thread\.StartCallback|LowLevelLifoSemaphore|TimerQueue'''.split('\n')]
# order above is priority: earlier = more specific. We pick the deepest frame that matches ANY stage, then its stage.
STAGES=[(k,re.compile(v)) for k,v in STAGES]
WAIT = re.compile(r'LowLevelLifoSemaphore|WaitHandle\.Wait|Monitor\.Wait|Thread\.Sleep|SocketAsyncEngine\.EventLoop|ManualResetEventSlim\.Wait|SemaphoreSlim\.Wait|WaitForSignal|WaitForSocketEvents|Thread\.Join|GateThread|WaitOne|SpinThenBlockingWait', re.I)
out=collections.Counter(); busy=0
def stage_of(names):
    for n in reversed(names):
        for k,r in STAGES:
            if r.search(n): return k
    if any('RunFinalizers' in n for n in names): return 'gc: finalizers'
    if any('PollGC' in n for n in names): return 'gc: waiting for a collection'
    if any(re.search(r'GC|gc_heap', n) for n in names): return 'gc'
    return 'other: '+ (names[-2][:70] if len(names)>1 else names[-1][:70])
for prof in data['profiles']:
    stack=[]; last=None
    for ev in prof['events']:
        t=ev['at']
        if last is not None and stack:
            dt=t-last; names=[frames[i] for i in stack]
            leaf=names[-1]
            real = leaf=='CPU_TIME' or (leaf=='UNMANAGED_CODE_TIME' and re.search(r'Interop\+(Crypto|EvpPkey|Sys\.(Send|Write|SendMsg))|Cryptography', names[-2]) is not None)
            if real:
                busy+=dt; out[stage_of(names[:-1])]+=dt
        last=t
        if ev['type']=='O': stack.append(ev['frame'])
        elif stack: stack.pop()
print(f'busy {busy:.0f} ms of samples');
for k,v in out.most_common(40):
    try: print(f"{100*v/busy:5.1f}%  {k}")
    except BrokenPipeError: break
