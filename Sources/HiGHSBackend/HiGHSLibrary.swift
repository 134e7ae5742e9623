#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import LinearProgramming

/// HiGHS's C API, loaded at run time with `dlopen`: building and running Passage with GLPK never
/// needs HiGHS. Only the functions the backend calls are declared here, after `highs_c_api.h`
/// (HiGHS 1.7 or later); `HighsInt` is a 32-bit `int` in the builds supported (checked on load).
final class HiGHSLibrary: @unchecked Sendable {  // immutable after init: function pointers only
    typealias HighsInt = Int32
    typealias Callback =
        @convention(c) (
            Int32, UnsafePointer<CChar>?, UnsafeRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?
        ) -> Void

    let path: String
    let version: String

    typealias Create = @convention(c) () -> UnsafeMutableRawPointer?
    typealias Destroy = @convention(c) (UnsafeMutableRawPointer?) -> Void
    typealias SizeofHighsInt = @convention(c) (UnsafeRawPointer?) -> HighsInt
    typealias PassModel =
        @convention(c) (
            UnsafeMutableRawPointer?, HighsInt, HighsInt, HighsInt, HighsInt, HighsInt, Double,
            UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?,
            UnsafePointer<Double>?, UnsafePointer<HighsInt>?, UnsafePointer<HighsInt>?, UnsafePointer<Double>?,
            UnsafePointer<HighsInt>?
        ) -> HighsInt
    typealias SetBoolOption = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, HighsInt) -> HighsInt
    typealias SetIntOption = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, HighsInt) -> HighsInt
    typealias SetDoubleOption = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, Double) -> HighsInt
    typealias SetStringOption =
        @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> HighsInt
    typealias SetSolution =
        @convention(c) (
            UnsafeMutableRawPointer?, UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafePointer<Double>?,
            UnsafePointer<Double>?
        ) -> HighsInt
    typealias Run = @convention(c) (UnsafeMutableRawPointer?) -> HighsInt
    typealias GetModelStatus = @convention(c) (UnsafeRawPointer?) -> HighsInt
    typealias GetSolution =
        @convention(c) (
            UnsafeRawPointer?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?,
            UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?
        ) -> HighsInt
    typealias GetBasis =
        @convention(c) (UnsafeRawPointer?, UnsafeMutablePointer<HighsInt>?, UnsafeMutablePointer<HighsInt>?) -> HighsInt
    typealias GetDoubleInfo =
        @convention(c) (UnsafeRawPointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<Double>?) -> HighsInt
    typealias GetIntInfo =
        @convention(c) (UnsafeRawPointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<HighsInt>?) -> HighsInt
    typealias Ranging =
        @convention(c) (
            UnsafeMutableRawPointer?,
            UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<HighsInt>?,
            UnsafeMutablePointer<HighsInt>?,
            UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<HighsInt>?,
            UnsafeMutablePointer<HighsInt>?,
            UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<HighsInt>?,
            UnsafeMutablePointer<HighsInt>?,
            UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<HighsInt>?,
            UnsafeMutablePointer<HighsInt>?,
            UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<HighsInt>?,
            UnsafeMutablePointer<HighsInt>?,
            UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<HighsInt>?,
            UnsafeMutablePointer<HighsInt>?
        ) -> HighsInt
    typealias SetCallback = @convention(c) (UnsafeMutableRawPointer?, Callback?, UnsafeMutableRawPointer?) -> HighsInt
    typealias StartCallback = @convention(c) (UnsafeMutableRawPointer?, HighsInt) -> HighsInt
    typealias CallbackDataOutItem = @convention(c) (UnsafeRawPointer?, UnsafePointer<CChar>?) -> UnsafeRawPointer?

    let create: Create
    let destroy: Destroy
    let sizeofHighsInt: SizeofHighsInt
    let passModel: PassModel
    let setBoolOption: SetBoolOption
    let setIntOption: SetIntOption
    let setDoubleOption: SetDoubleOption
    let setStringOption: SetStringOption
    let setSolution: SetSolution
    let run: Run
    let getModelStatus: GetModelStatus
    let getSolution: GetSolution
    let getBasis: GetBasis
    let getDoubleInfo: GetDoubleInfo
    let getIntInfo: GetIntInfo
    /// `Highs_getRanging`: 24 output arrays (columns' cost and bound ranging, then rows' bound ranging),
    /// each as value, objective, entering and leaving variable.
    let getRanging: Ranging
    let setCallback: SetCallback
    let startCallback: StartCallback
    let callbackDataOutItem: CallbackDataOutItem

    /// The library, loaded once per process; the error says how to install HiGHS.
    static let shared: Result<HiGHSLibrary, SolverError> = {
        let search = HiGHSLocator.search()
        guard let path = search.path else {
            return .failure(HiGHSLibrary.unavailable(search.explanation))
        }
        return Result { try HiGHSLibrary(path: path) }.mapError {
            $0 as? SolverError ?? HiGHSLibrary.unavailable("\(path) could not be loaded: \($0)")
        }
    }()

    static let remedy =
        "Install it with `python3 -m pip install highsbox` (scripts/install-deps.sh does), or set PASSAGE_HIGHS_LIBRARY to the path of libhighs; or plan with --solver glpk."

    static func unavailable(_ reason: String) -> SolverError {
        .backendUnavailable(backend: "HiGHS", reason: reason, remedy: remedy)
    }

    private init(path: String) throws {
        // Local: HiGHS's symbols stay out of the global namespace; now: a missing symbol fails here.
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "dlopen failed"
            throw Self.unavailable("\(path) could not be loaded: \(reason)")
        }
        // The handle is never closed: the library stays for the life of the process.
        func symbol<T>(_ name: String, as type: T.Type) throws -> T {
            guard let address = dlsym(handle, name) else {
                throw Self.unavailable("\(path) lacks \(name) (HiGHS 1.7 or later is needed)")
            }
            return unsafeBitCast(address, to: type)
        }
        self.path = path
        let versionFunction = try symbol("Highs_version", as: (@convention(c) () -> UnsafePointer<CChar>?).self)
        version = versionFunction().map { String(cString: $0) } ?? "unknown"
        create = try symbol("Highs_create", as: Create.self)
        destroy = try symbol("Highs_destroy", as: Destroy.self)
        sizeofHighsInt = try symbol("Highs_getSizeofHighsInt", as: SizeofHighsInt.self)
        passModel = try symbol("Highs_passMip", as: PassModel.self)
        setBoolOption = try symbol("Highs_setBoolOptionValue", as: SetBoolOption.self)
        setIntOption = try symbol("Highs_setIntOptionValue", as: SetIntOption.self)
        setDoubleOption = try symbol("Highs_setDoubleOptionValue", as: SetDoubleOption.self)
        setStringOption = try symbol("Highs_setStringOptionValue", as: SetStringOption.self)
        setSolution = try symbol("Highs_setSolution", as: SetSolution.self)
        run = try symbol("Highs_run", as: Run.self)
        getModelStatus = try symbol("Highs_getModelStatus", as: GetModelStatus.self)
        getSolution = try symbol("Highs_getSolution", as: GetSolution.self)
        getBasis = try symbol("Highs_getBasis", as: GetBasis.self)
        getDoubleInfo = try symbol("Highs_getDoubleInfoValue", as: GetDoubleInfo.self)
        getIntInfo = try symbol("Highs_getIntInfoValue", as: GetIntInfo.self)
        getRanging = try symbol("Highs_getRanging", as: Ranging.self)
        setCallback = try symbol("Highs_setCallback", as: SetCallback.self)
        startCallback = try symbol("Highs_startCallback", as: StartCallback.self)
        callbackDataOutItem = try symbol("Highs_getCallbackDataOutItem", as: CallbackDataOutItem.self)

        // The declarations above assume a 32-bit HighsInt; a HIGHSINT64 build would corrupt memory.
        let probe = create()
        defer { destroy(probe) }
        let size = sizeofHighsInt(probe)
        guard size == MemoryLayout<HighsInt>.size else {
            throw Self.unavailable("\(path) uses \(size)-byte HighsInt; Passage supports 4-byte builds (highsbox's)")
        }
    }
}
